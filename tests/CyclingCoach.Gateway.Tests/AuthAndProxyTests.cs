using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;

namespace CyclingCoach.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AuthAndProxyTests(GatewayFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:cyclingcoach:problem:unauthorized", problem.GetProperty("type").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal(32, problem.GetProperty("traceId").GetString()!.Length);
    }

    [Theory]
    [InlineData("/api/workouts")]
    [InlineData("/api/coach/workouts")]
    [InlineData("/api/events")]
    public async Task No_key_is_401_problem_details_with_WWW_Authenticate(string path)
    {
        await AssertUnauthorizedAsync(await client.GetAsync(path));
    }

    [Fact]
    public async Task A_wrong_key_is_401_in_either_header()
    {
        using var wrongHeader = new HttpRequestMessage(HttpMethod.Get, "/api/workouts");
        wrongHeader.Headers.Add("X-Api-Key", fixture.ApiKey + "x");
        await AssertUnauthorizedAsync(await client.SendAsync(wrongHeader));

        using var wrongBearer = new HttpRequestMessage(HttpMethod.Get, "/api/routes");
        wrongBearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.ApiKey[..^1]);
        await AssertUnauthorizedAsync(await client.SendAsync(wrongBearer));
    }

    [Theory]
    [InlineData("GET", "/api/workouts", "sync", "/api/workouts", "", "X-Api-Key")]
    [InlineData("GET", "/api/workouts/x?y=1", "sync", "/api/workouts/x", "?y=1", "Bearer")]
    [InlineData("POST", "/api/workouts/manual", "sync", "/api/workouts/manual", "", "X-Api-Key")]
    [InlineData("GET", "/api/sync/runs?source=garmin", "sync", "/api/sync/runs", "?source=garmin", "Bearer")]
    [InlineData("GET", "/api/wellness?from=2026-11-01&to=2026-11-30", "sync", "/api/wellness", "?from=2026-11-01&to=2026-11-30", "X-Api-Key")]
    [InlineData("DELETE", "/api/coach/plans/7", "coaching", "/api/coach/plans/7", "", "X-Api-Key")]
    [InlineData("GET", "/api/coach/workouts?page=2&pageSize=10", "coaching", "/api/coach/workouts", "?page=2&pageSize=10", "Bearer")]
    [InlineData("GET", "/api/routes/abc", "routes", "/api/routes/abc", "", "X-Api-Key")]
    [InlineData("GET", "/api/routes", "routes", "/api/routes", "", "Bearer")]
    // The seed plan's paths, mapped onto today's endpoints.
    [InlineData("POST", "/api/workouts/sync", "sync", "/api/sync/seed/workouts-sync", "", "X-Api-Key")]
    [InlineData("GET", "/api/workouts/sync-status", "sync", "/api/sync/seed/sync-status", "", "Bearer")]
    [InlineData("POST", "/api/workouts/0190a1b2-0000-7000-8000-000000000001/analyze", "coaching", "/api/coach/seed/workouts/0190a1b2-0000-7000-8000-000000000001/analyze", "", "X-Api-Key")]
    [InlineData("POST", "/api/analyses/0190a1b2-0000-7000-8000-000000000002/approve", "coaching", "/api/coach/seed/analyses/0190a1b2-0000-7000-8000-000000000002/approve", "", "Bearer")]
    [InlineData("GET", "/api/workouts/0190a1b2-0000-7000-8000-000000000001/analyze", "sync", "/api/workouts/0190a1b2-0000-7000-8000-000000000001/analyze", "", "Bearer")]
    public async Task The_right_key_is_proxied_to_the_owning_service_without_the_credentials(
        string method, string url, string service, string path, string query, string scheme)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (scheme == "Bearer")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.ApiKey);
        }
        else
        {
            request.Headers.Add("X-Api-Key", fixture.ApiKey);
        }

        request.Headers.Add("X-Client-Note", "kept");
        request.Headers.Add("X-Service-Key", "forged-by-the-client");
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { name = "x" });
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(service, echo.GetProperty("service").GetString());
        Assert.Equal(method, echo.GetProperty("method").GetString());
        Assert.Equal(path, echo.GetProperty("path").GetString());
        Assert.Equal(query, echo.GetProperty("query").GetString() ?? "");
        var headers = echo.GetProperty("headers");
        Assert.False(headers.TryGetProperty("x-api-key", out _), $"the key reached {service}: {headers}");
        Assert.False(headers.TryGetProperty("authorization", out _), $"the Authorization header reached {service}: {headers}");
        Assert.Equal("kept", headers.GetProperty("x-client-note").GetString());
        // The services answer the gateway's own credential only, which no client can set.
        Assert.Equal(ServiceFactory<Program>.ServiceKey, headers.GetProperty("x-service-key").GetString());
    }

    [Fact]
    public async Task The_client_traceparent_reaches_the_service_with_the_same_trace_id()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/coach/workouts");
        request.Headers.Add("X-Api-Key", fixture.ApiKey);
        request.Headers.Add("traceparent", $"00-{traceId}-1234567890abcdef-01");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        var received = echo.GetProperty("headers").GetProperty("traceparent").GetString()!;
        var parts = received.Split('-');
        Assert.Equal(4, parts.Length);
        Assert.Equal(traceId, parts[1]);
    }

    [Fact]
    public async Task Only_the_calendar_feed_path_passes_without_a_key_and_it_reaches_coaching()
    {
        var feed = await client.GetAsync("/api/coach/calendar/s3cr3t-token.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var echo = await feed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("coaching", echo.GetProperty("service").GetString());
        Assert.Equal("/api/coach/calendar/s3cr3t-token.ics", echo.GetProperty("path").GetString());

        await AssertUnauthorizedAsync(await client.PostAsync("/api/coach/calendar/s3cr3t-token.ics", null));
        await AssertUnauthorizedAsync(await client.GetAsync("/api/coach/calendar/a/b.ics"));
        await AssertUnauthorizedAsync(await client.GetAsync("/api/coach/calendar/token"));
        await AssertUnauthorizedAsync(await client.GetAsync("/api/coach/calendarx/t.ics"));
        await AssertUnauthorizedAsync(await client.GetAsync("/api/coach/plans/calendar"));
    }

    [Fact]
    public async Task Non_api_paths_need_no_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/routes.json")).StatusCode);
    }
}
