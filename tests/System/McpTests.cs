using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CyclingCoach.Fakes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace CyclingCoach.SystemTests;

/// <summary>
/// The rider's own assistant on the MCP endpoint, through the gateway with the API key, driven by the SDK's own client
/// as Claude Desktop or mcp-remote would: the tools listed, every read tool answering what the API answers, a proposal
/// waiting in the approval queue until the rider approves it through the usual endpoint; no key, no MCP.
/// </summary>
[Collection(Stack.Collection)]
public sealed partial class McpTests
{
    private static readonly string[] ReadTools = ["get_fitness", "get_recent_rides", "get_plan", "get_rules", "get_athlete", "get_readiness", "list_routes", "get_route", "list_library_workouts"];
    private static readonly string[] ProposeTools = ["propose_plan_changes", "propose_library_session"];
    private readonly HttpClient client = Stack.Client(Stack.ApiKey);

    private static Uri Endpoint => new(new Uri(Stack.GatewayUrl), "/api/mcp");

    private static Task<McpClient> ConnectAsync(string? apiKey) => McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
    {
        Endpoint = Endpoint,
        TransportMode = HttpTransportMode.StreamableHttp,
        AdditionalHeaders = apiKey is null ? null : new Dictionary<string, string> { ["X-Api-Key"] = apiKey },
    }));

    private static async Task<JsonElement> CallAsync(McpClient mcp, string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await mcp.CallToolAsync(tool, arguments);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.False(result.IsError == true, $"{tool}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected) =>
        client.SendJsonAsync(method, path, body, expected);

    [Fact]
    public async Task The_assistant_reads_what_the_API_reads_and_its_proposal_waits_for_the_riders_approval()
    {
        // A rider with rules, a plan, a recent ride and a route.
        await SendAsync(HttpMethod.Put, "/api/coach/athlete", new { ftpWatts = 250, weightKg = 72, lactateThresholdHeartRateBpm = 165, maxHeartRateBpm = 188, restingHeartRateBpm = 50 }, HttpStatusCode.OK);
        var parsed = await SendAsync(HttpMethod.Post, "/api/coach/rules/parse", new { text = "I can ride Tuesday, Thursday, Saturday and Sunday. No more than 8 hours a week." }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, "/api/coach/rules", new { text = "set by the MCP test", rules = parsed.GetProperty("rules") }, HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var plan = await SendAsync(HttpMethod.Post, "/api/coach/plans/generate", new { startDate = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)) }, HttpStatusCode.Created);
        var ride = await Stack.CreateWorkoutAsync(client, "MCP test ride", DateTimeOffset.Now.AddDays(-2));
        try
        {
            var gpx = Path.Combine(Fixtures.Root, "gpx", "gpxpy__Mojstrovka.gpx");
            using (var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(gpx)), "file", Path.GetFileName(gpx) } })
            using (var uploaded = await client.PostAsync("/api/routes", form))
            {
                Assert.True(uploaded.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await uploaded.Content.ReadAsStringAsync()); // 409: uploaded before on this stack
            }

            await using var mcp = await ConnectAsync(Stack.ApiKey);
            var tools = await mcp.ListToolsAsync();
            Assert.Equal([.. ReadTools.Concat(ProposeTools).Order()], tools.Select(t => t.Name).Order());
            Assert.All(tools, t => Assert.Equal(ReadTools.Contains(t.Name), t.ProtocolTool.Annotations?.ReadOnlyHint == true));
            Assert.All(tools, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));

            // Fitness: today's CTL, ATL and TSB are the fitness API's (the tool gives one decimal, the API two).
            var fitness = await CallAsync(mcp, "get_fitness");
            var apiToday = (await client.GetFromJsonAsync<JsonElement>($"/api/coach/fitness?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).GetProperty("days")[0];
            Assert.True(apiToday.GetProperty("atl").GetDouble() > 1, apiToday.ToString()); // the ride two days ago counts
            foreach (var (tool, api) in new[] { ("ctl", "ctl"), ("atl", "atl"), ("tsb", "tsb") })
            {
                var expected = apiToday.GetProperty(api).GetDouble();
                Assert.InRange(fitness.GetProperty(tool).GetDouble(), expected - 0.051, expected + 0.051);
            }

            // Rides: the ride just logged, with the TSS Coaching holds for it.
            var rides = await CallAsync(mcp, "get_recent_rides", new() { ["days"] = 7 });
            var coachRide = await client.GetFromJsonAsync<JsonElement>($"/api/coach/workouts/{ride.GetProperty("id").GetGuid()}");
            var listed = rides.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "MCP test ride");
            AssertSame(coachRide.GetProperty("trainingStressScore"), listed.GetProperty("trainingStressScore"));
            Assert.Equal(3600, listed.GetProperty("durationSeconds").GetDouble());

            // Plan, rules, thresholds: the same JSON as the API's.
            var current = await client.GetFromJsonAsync<JsonElement>("/api/coach/plans/current");
            AssertSame(current.GetProperty("plan"), await CallAsync(mcp, "get_plan"));
            var rules = await client.GetFromJsonAsync<JsonElement>("/api/coach/rules/active");
            AssertSame(rules.GetProperty("rules"), await CallAsync(mcp, "get_rules"));
            var athlete = await CallAsync(mcp, "get_athlete");
            Assert.Equal(250, athlete.GetProperty("ftpWatts").GetDouble());
            Assert.Equal(72, athlete.GetProperty("weightKg").GetDouble());

            // Readiness: the readiness API's days (the fake Garmin has sent three weeks of wellness).
            var readiness = await CallAsync(mcp, "get_readiness", new() { ["days"] = 14 });
            var apiReadiness = await client.GetFromJsonAsync<JsonElement>($"/api/coach/readiness?from={today.AddDays(-13):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
            AssertSame(apiReadiness.GetProperty("days"), readiness);

            // Routes, read from Routes: the list, and one route's sections without its map points.
            var routes = await CallAsync(mcp, "list_routes");
            var apiRoutes = await client.GetFromJsonAsync<JsonElement>("/api/routes?pageSize=200");
            AssertSame(apiRoutes.GetProperty("items"), routes);
            var routeId = routes.EnumerateArray().First(r => r.GetProperty("name").GetString()!.Contains("Mojstrovka", StringComparison.OrdinalIgnoreCase)).GetProperty("id").GetGuid();
            var route = await CallAsync(mcp, "get_route", new() { ["id"] = routeId });
            var apiRoute = await client.GetFromJsonAsync<JsonElement>($"/api/routes/{routeId}");
            AssertSame(apiRoute.GetProperty("sections"), route.GetProperty("sections"));
            AssertSame(apiRoute.GetProperty("summary"), route.GetProperty("summary"));
            Assert.False(route.TryGetProperty("track", out _));
            var missing = await mcp.CallToolAsync("get_route", new Dictionary<string, object?> { ["id"] = Guid.NewGuid() });
            Assert.True(missing.IsError);

            // The library: the API's sessions for the same filter; a bad filter is an error naming it.
            var library = await CallAsync(mcp, "list_library_workouts", new() { ["type"] = "recovery", ["maxMinutes"] = 45 });
            AssertSame(await client.GetFromJsonAsync<JsonElement>("/api/coach/workouts/library?type=recovery&maxMinutes=45"), library);
            var badType = await mcp.CallToolAsync("list_library_workouts", new Dictionary<string, object?> { ["type"] = "zone9" });
            Assert.True(badType.IsError);

            // A proposal: a rest day on the plan's next session day. It waits; the plan is unchanged.
            var day = current.GetProperty("plan").GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
                .First(d => DateOnly.Parse(d.GetProperty("date").GetString()!) > today && d.GetProperty("workouts").GetArrayLength() > 0).GetProperty("date").GetString();
            var refused = await mcp.CallToolAsync("propose_plan_changes", new Dictionary<string, object?>
            {
                ["operations"] = new[] { new { kind = "add_rest", date = "1999-01-01" } },
                ["reason"] = "a day outside the plan",
            });
            Assert.StartsWith("Not proposed", Assert.IsType<TextContentBlock>(Assert.Single(refused.Content)).Text);
            var proposed = await mcp.CallToolAsync("propose_plan_changes", new Dictionary<string, object?>
            {
                ["operations"] = new[] { new { kind = "add_rest", date = day } },
                ["reason"] = "TSB is low after the weekend: rest.",
            });
            var message = Assert.IsType<TextContentBlock>(Assert.Single(proposed.Content)).Text;
            var proposalId = Guid.Parse(ProposalId().Match(message).Groups[1].Value);
            Assert.Equal(plan.GetProperty("id").GetGuid(), (await client.GetFromJsonAsync<JsonElement>("/api/coach/plans/current")).GetProperty("id").GetGuid());
            var pending = await client.GetFromJsonAsync<JsonElement>($"/api/coach/analyses/{proposalId}");
            Assert.Equal("chat_proposal", pending.GetProperty("type").GetString());
            Assert.Equal("mcp", pending.GetProperty("engine").GetString());
            Assert.Equal("pending", pending.GetProperty("suggestions")[0].GetProperty("state").GetString());

            // Approved through the usual endpoint: a new version with the rest day.
            var approved = await SendAsync(HttpMethod.Post, $"/api/coach/analyses/{proposalId}/approve", null, HttpStatusCode.OK);
            var after = await client.GetFromJsonAsync<JsonElement>("/api/coach/plans/current");
            Assert.Equal(approved.GetProperty("newPlanId").GetGuid(), after.GetProperty("id").GetGuid());
            var restDay = after.GetProperty("plan").GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
                .Single(d => d.GetProperty("date").GetString() == day);
            Assert.Equal(0, restDay.GetProperty("workouts").GetArrayLength());

            // A library session on a later riding day: pending until decided; rejected here, the plan stays as it was.
            var laterDay = after.GetProperty("plan").GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
                .First(d => string.CompareOrdinal(d.GetProperty("date").GetString(), day) > 0 && d.GetProperty("workouts").GetArrayLength() > 0).GetProperty("date").GetString();
            var session = library[0];
            var put = await mcp.CallToolAsync("propose_library_session", new Dictionary<string, object?> { ["id"] = session.GetProperty("id").GetString(), ["date"] = laterDay });
            var putId = Guid.Parse(ProposalId().Match(Assert.IsType<TextContentBlock>(Assert.Single(put.Content)).Text).Groups[1].Value);
            var libraryProposal = await client.GetFromJsonAsync<JsonElement>($"/api/coach/analyses/{putId}");
            Assert.Equal("mcp", libraryProposal.GetProperty("engine").GetString());
            var operation = libraryProposal.GetProperty("suggestions")[0].GetProperty("operation");
            Assert.Equal("replace", operation.GetProperty("kind").GetString());
            Assert.Equal(laterDay, operation.GetProperty("date").GetString());
            Assert.Equal(session.GetProperty("name").GetString(), operation.GetProperty("workout").GetProperty("name").GetString());
            await SendAsync(HttpMethod.Post, $"/api/coach/analyses/{putId}/reject", new { reason = "not this week" }, HttpStatusCode.OK);
            Assert.Equal(after.GetProperty("id").GetGuid(), (await client.GetFromJsonAsync<JsonElement>("/api/coach/plans/current")).GetProperty("id").GetGuid());
        }
        finally
        {
            using var deleted = await client.DeleteAsync($"/api/workouts/{ride.GetProperty("id").GetGuid()}");
        }
    }

    [Fact]
    public async Task Without_the_key_or_with_a_wrong_one_the_endpoint_answers_401()
    {
        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync(null));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => ConnectAsync("not-the-key"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var anonymous = Stack.Client();
        using var response = await anonymous.PostAsJsonAsync("/api/mcp", new { jsonrpc = "2.0", id = 1, method = "tools/list" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static void AssertSame(JsonElement api, JsonElement tool) =>
        Assert.True(JsonElement.DeepEquals(api, tool), $"API: {api}\nMCP: {tool}");

    [GeneratedRegex("Proposed as ([0-9a-f-]{36})")]
    private static partial Regex ProposalId();
}
