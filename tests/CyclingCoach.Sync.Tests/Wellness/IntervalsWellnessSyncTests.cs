using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Fakes.IntervalsIcu;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Testing;

namespace CyclingCoach.Sync.Tests.Wellness;

/// <summary>intervals.icu wellness through real sync runs against its fake, and <c>GET /api/wellness</c> itself.</summary>
public sealed class IntervalsWellnessSyncTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private const string WellnessEvents = "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.WellnessRecorded%'";

    [Fact]
    public async Task A_429_is_waited_out_days_without_wellness_are_absent_and_an_unchanged_pull_publishes_nothing()
    {
        await using var intervals = await FakeIntervalsIcu.StartAsync();
        intervals.Wellness[Today.AddDays(-2)] = new(Hrv: 61.2, SleepSecs: 26100, SleepScore: 77, RestingHr: 48, Readiness: 68, Stress: 2);
        intervals.Wellness[Today.AddDays(-1)] = new(); // only ctl/atl that day
        intervals.Wellness[Today] = new(SleepSecs: 22000, RestingHr: 52); // no HRV measured
        intervals.RateLimitWellnessNext(1);
        await using var sync = await IsolatedSync.StartAsync("syncwellnessicu", new Dictionary<string, string?>
        {
            ["IntervalsIcu:BaseUrl"] = intervals.BaseUrl,
            ["IntervalsIcu:ApiKey"] = FakeIntervalsIcu.ApiKey,
            ["IntervalsIcu:AthleteId"] = FakeIntervalsIcu.AthleteId,
        });

        var run = await RunAsync(sync.Client);
        Assert.Equal("success", run.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("error").ValueKind);
        Assert.Equal(2, intervals.WellnessRequests); // the 429 (Retry-After: 1) and the retry

        var days = await WellnessAsync(sync.Client, Today.AddDays(-6), Today);
        Assert.Equal([Today.AddDays(-2), Today], days.Select(d => DateOnly.Parse(d.GetProperty("date").GetString()!)));
        Assert.Equal("intervals_icu", days[0].GetProperty("source").GetString());
        var full = days[0].GetProperty("metrics");
        Assert.Equal(61.2, full.GetProperty("hrvMs").GetDouble());
        Assert.Equal(26100, full.GetProperty("sleepSeconds").GetInt32());
        Assert.Equal(77, full.GetProperty("sleepScore").GetInt32());
        Assert.Equal(48, full.GetProperty("restingHeartRateBpm").GetInt32());
        Assert.Equal(68, full.GetProperty("trainingReadiness").GetInt32());
        Assert.Equal(JsonValueKind.Null, full.GetProperty("stressLevel").ValueKind);
        Assert.Equal(JsonValueKind.Null, days[1].GetProperty("metrics").GetProperty("hrvMs").ValueKind);
        Assert.Equal(2, await sync.Database.ScalarAsync<long>(WellnessEvents));

        Assert.Equal("success", (await RunAsync(sync.Client)).GetProperty("status").GetString());
        Assert.Equal(2, await sync.Database.ScalarAsync<long>(WellnessEvents)); // nothing changed: no event

        intervals.Wellness[Today] = new(Hrv: 55, SleepSecs: 22000, RestingHr: 52); // HRV arrives later in the day
        Assert.Equal("success", (await RunAsync(sync.Client)).GetProperty("status").GetString());
        Assert.Equal(55, (await WellnessAsync(sync.Client, Today, Today))[0].GetProperty("metrics").GetProperty("hrvMs").GetDouble());
        Assert.Equal(3, await sync.Database.ScalarAsync<long>(WellnessEvents));
        var payload = await sync.Database.ScalarAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.WellnessRecorded%' ORDER BY created_at DESC LIMIT 1");
        var recorded = JsonSerializer.Deserialize<WellnessRecorded>(payload, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } })!;
        Assert.Equal(Today, recorded.Date);
        Assert.Equal(55, recorded.Metrics.HrvMs);
    }

    [Fact]
    public async Task Bad_ranges_are_validation_problems_and_the_endpoint_is_in_the_OpenAPI_document()
    {
        await using var sync = await IsolatedSync.StartAsync("syncwellnessapi");
        var reversed = await sync.Client.GetAsync("/api/wellness?from=2026-11-10&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal("application/problem+json", reversed.Content.Headers.ContentType?.MediaType);
        Assert.True((await reversed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await sync.Client.GetAsync("/api/wellness?from=2020-01-01&to=2026-11-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sync.Client.GetAsync("/api/wellness?from=yesterday")).StatusCode);

        var empty = await WellnessAsync(sync.Client, Today.AddDays(-3), Today);
        Assert.Empty(empty);

        var document = await sync.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/wellness", out var path), "GET /api/wellness is not in the OpenAPI document");
        Assert.True(path.TryGetProperty("get", out _));
    }

    private static async Task<JsonElement> RunAsync(HttpClient client)
    {
        var (response, body) = await client.StartRunAsync(new { source = "intervals_icu", daysBack = 3 });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToString());
        return await client.WaitForRunAsync(body.GetProperty("id").GetGuid());
    }

    private static async Task<List<JsonElement>> WellnessAsync(HttpClient client, DateOnly from, DateOnly to) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/wellness?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).GetProperty("days").EnumerateArray()];
}
