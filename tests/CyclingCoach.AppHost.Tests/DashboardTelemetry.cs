using System.Net.Http.Json;

namespace CyclingCoach.AppHost.Tests;

/// <summary>The dashboard's telemetry HTTP API (OTLP JSON), with the stack's dashboard key.</summary>
public sealed class DashboardTelemetry : IDisposable
{
    private readonly HttpClient client;

    public DashboardTelemetry(Uri dashboard)
    {
        client = new() { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-api-key", AppHostFixture.DashboardKey);
    }

    /// <summary>(service.name, span name) of every span of one trace; empty until the trace has arrived.</summary>
    public async Task<IReadOnlyList<(string Service, string Span)>> SpansOfTraceAsync(string traceId)
    {
        using var response = await client.GetAsync($"/api/telemetry/traces/{traceId}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. from resource in body.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
                   let service = ServiceName(resource)
                   from scope in resource.GetProperty("scopeSpans").EnumerateArray()
                   from span in scope.GetProperty("spans").EnumerateArray()
                   select (service, span.GetProperty("name").GetString()!)];
    }

    /// <summary>How many structured log records the dashboard holds for a resource.</summary>
    public async Task<int> LogCountAsync(string resource)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/telemetry/logs?resource={resource}&limit=1");
        return body.GetProperty("totalCount").GetInt32();
    }

    private static string ServiceName(JsonElement resource) =>
        resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
            .Where(a => a.GetProperty("key").GetString() == "service.name")
            .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString()!)
            .FirstOrDefault() ?? "";

    public void Dispose() => client.Dispose();
}
