using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;

namespace CyclingCoach.SystemTests;

/// <summary>
/// The whole stack as the AppHost runs it, started by <c>./coach up --detach</c> (that is what <c>./coach test</c> does
/// before this tier) and driven through the gateway, exactly as the web app and scripts use it.
/// </summary>
public static class Stack
{
    /// <summary>All system tests share one stack (one kills a service), so they run one at a time.</summary>
    public const string Collection = "stack";

    public static string GatewayUrl => TestInfrastructure.Required("GATEWAY_URL");
    public static string ApiKey => TestInfrastructure.Required("API_KEY");
    public static string CoachRoot => TestInfrastructure.Required("COACH_ROOT");
    /// <summary>A resource's own port, as the AppHost wrote it to <c>run/stack.env</c> (<c>SYNC_PORT</c>…; <c>./coach env</c>).</summary>
    public static int PortOf(string resource) => int.Parse(TestInfrastructure.Required($"{resource.ToUpperInvariant()}_PORT"));
    public static string CoachDir => TestInfrastructure.Required("COACH_DIR");
    public static string DashboardUrl => TestInfrastructure.Required("DASHBOARD_URL");
    public static string DashboardApiKey => TestInfrastructure.Required("DASHBOARD_API_KEY");
    public static string WebUrl => TestInfrastructure.Required("WEB_URL");

    /// <summary>The credential only the gateway holds (the services refuse every other caller), read where the
    /// AppHost keeps it: <c>$COACH_DIR/secrets.env</c>.</summary>
    public static string ServiceKey => File.ReadAllLines(Path.Combine(CoachDir, "secrets.env"))
        .Select(line => line.Split('=', 2))
        .SingleOrDefault(kv => kv[0] == "SERVICE_KEY")?[1] ?? "";

    public const string ServiceKeyHeader = "X-Service-Key";

    public static HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Sends a request and checks its status; a state change always carries a JSON body (<c>{}</c> when there
    /// is nothing to say), as the web app sends it. Returns the answer's JSON (default when empty).</summary>
    public static async Task<JsonElement> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body, System.Net.HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null && method == HttpMethod.Get ? null : JsonContent.Create(body ?? new { }) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The console log of one resource as the AppHost keeps it (<c>./coach logs SERVICE --no-follow</c>).</summary>
    public static Task<string> LogOfAsync(string service) => CoachAsync("logs", service, "--no-follow");

    /// <summary>Runs <c>./coach &lt;args&gt;</c> against the same stack (the environment carries COACH_DIR) and returns
    /// what it printed.</summary>
    public static async Task<string> CoachAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(CoachRoot, "coach"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = CoachRoot,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        Assert.True(process.ExitCode == 0, $"./coach {string.Join(' ', args)} exited {process.ExitCode}: {await output} {await error}");
        return await output;
    }

    public static async Task<JsonElement> CreateWorkoutAsync(HttpClient client, string name, DateTimeOffset start, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workouts/manual")
        {
            Content = JsonContent.Create(new { name, startTime = start, durationSeconds = 3600, distanceMeters = 30000, averagePower = 190 }),
        };
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Every item of a paged list endpoint, following pages.</summary>
    public static async Task<List<JsonElement>> AllItemsAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"{path}?page={page}&pageSize=200");
            items.AddRange(body.GetProperty("items").EnumerateArray());
            if (items.Count >= body.GetProperty("total").GetInt32() || body.GetProperty("items").GetArrayLength() == 0)
            {
                return items;
            }
        }
    }
}
