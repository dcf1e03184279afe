using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Sync.Tests.Garmin;
using CyclingCoach.Testing;

namespace CyclingCoach.Sync.Tests.Wellness;

/// <summary>Garmin wellness through real sync runs against the fake Garmin, on a database of its own.</summary>
[Collection(GarminCollection.Name)]
public sealed class GarminWellnessSyncTests(GarminFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private const string WellnessEvents = "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.WellnessRecorded%'";

    [Fact]
    public async Task A_run_stores_the_days_Garmin_has_leaves_out_the_empty_ones_and_a_later_pull_updates_only_a_changed_day()
    {
        await using var garmin = await FakeGarmin.StartAsync(activityCount: 2);
        garmin.Wellness[Today.AddDays(-6)] = new(HrvMs: 42, SleepSeconds: 25740, SleepScore: 83, RestingHr: 51, Readiness: 80, BodyBatteryAtWake: 92, Stress: 24);
        garmin.Wellness[Today.AddDays(-5)] = new(SleepSeconds: 21600, RestingHr: 53); // no HRV that night (204), no readiness ([]), stress −2
        // Today −4: Garmin knows nothing (204, a null-id sleep DTO, 404 summary, []).
        garmin.Wellness[Today] = new(HrvMs: 35, SleepSeconds: 19800, SleepScore: 55, RestingHr: 57, Readiness: 33, BodyBatteryAtWake: 40, Stress: 41);
        await using var database = new TestDatabase("syncwellness");
        await using var service = await StartAsync(database, garmin);

        var run = await RunAsync(service);
        Assert.Equal("success", run.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("error").ValueKind);
        Assert.Equal(7 * 4, garmin.WellnessRequests); // the last 7 days, four endpoints each

        var days = await WellnessAsync(service);
        Assert.Equal([Today.AddDays(-6), Today.AddDays(-5), Today], days.Select(d => DateOnly.Parse(d.GetProperty("date").GetString()!)));
        Assert.All(days, d => Assert.Equal("garmin", d.GetProperty("source").GetString()));
        var first = days[0].GetProperty("metrics");
        Assert.Equal(42, first.GetProperty("hrvMs").GetDouble());
        Assert.Equal(39, first.GetProperty("hrvWeeklyAverageMs").GetDouble());
        Assert.Equal("BALANCED", first.GetProperty("hrvStatus").GetString());
        Assert.Equal(25740, first.GetProperty("sleepSeconds").GetInt32());
        Assert.Equal(83, first.GetProperty("sleepScore").GetInt32());
        Assert.Equal(51, first.GetProperty("restingHeartRateBpm").GetInt32());
        Assert.Equal(80, first.GetProperty("trainingReadiness").GetInt32()); // the wake-up value, not the evening's 50
        Assert.Equal(92, first.GetProperty("bodyBattery").GetInt32());
        Assert.Equal(24, first.GetProperty("stressLevel").GetInt32());
        var noHrv = days[1].GetProperty("metrics");
        Assert.Equal(JsonValueKind.Null, noHrv.GetProperty("hrvMs").ValueKind);
        Assert.Equal(JsonValueKind.Null, noHrv.GetProperty("trainingReadiness").ValueKind);
        Assert.Equal(JsonValueKind.Null, noHrv.GetProperty("stressLevel").ValueKind);
        Assert.Equal(53, noHrv.GetProperty("restingHeartRateBpm").GetInt32());
        Assert.Equal(3, await database.ScalarAsync<long>(WellnessEvents));

        // The watch syncs a sleep score for −5 later: the next run changes that day alone.
        garmin.Wellness[Today.AddDays(-5)] = new(SleepSeconds: 21600, SleepScore: 64, RestingHr: 53);
        var unchangedAt = days[0].GetProperty("updatedAt").GetDateTimeOffset();
        Assert.Equal("success", (await RunAsync(service)).GetProperty("status").GetString());
        var again = await WellnessAsync(service);
        Assert.Equal(3, again.Count);
        Assert.Equal(64, again[1].GetProperty("metrics").GetProperty("sleepScore").GetInt32());
        Assert.Equal(unchangedAt, again[0].GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(4, await database.ScalarAsync<long>(WellnessEvents));
        Assert.Equal(3, await database.ScalarAsync<long>("SELECT count(*) FROM wellness_days"));
    }

    [Fact]
    public async Task A_429_stops_the_wellness_at_once_keeps_the_days_stored_and_the_cooldown_holds_the_next_run()
    {
        await using var garmin = await FakeGarmin.StartAsync(activityCount: 2);
        for (var d = -6; d <= 0; d++)
        {
            garmin.Wellness[Today.AddDays(d)] = new(HrvMs: 50 + d, SleepSeconds: 27000, RestingHr: 50);
        }

        garmin.WellnessRateLimitAfter = 2 * 4; // two days, then Cloudflare's 429
        await using var database = new TestDatabase("syncwellness429");
        await using var service = await StartAsync(database, garmin);

        var run = await RunAsync(service);
        Assert.Equal("success", run.GetProperty("status").GetString()); // the rides were imported; wellness is a note
        Assert.Contains("Wellness stopped after 2 days", run.GetProperty("error").GetString());
        Assert.Contains("rate limiting", run.GetProperty("error").GetString());
        Assert.Equal(1, garmin.WellnessRateLimited); // never retried
        Assert.Equal([Today.AddDays(-6), Today.AddDays(-5)], (await WellnessAsync(service)).Select(d => DateOnly.Parse(d.GetProperty("date").GetString()!)));
        Assert.NotEqual(JsonValueKind.Null, (await GarminTestData.StatusAsync(service)).GetProperty("cooldownUntil").ValueKind);

        var requests = garmin.WellnessRequests;
        var held = await RunAsync(service);
        Assert.Equal("error", held.GetProperty("status").GetString());
        Assert.Contains("cooling down", held.GetProperty("error").GetString());
        Assert.Equal(requests, garmin.WellnessRequests);
    }

    private async Task<GarminService> StartAsync(TestDatabase database, FakeGarmin garmin)
    {
        var service = await fixture.StartServiceAsync(
            settings: new Dictionary<string, string?> { ["ConnectionStrings:syncdb"] = database.ConnectionString, ["Garmin:RequestsPerSecond"] = "0" },
            garmin: garmin);
        await GarminTestData.ConnectAsync(service, garmin);
        return service;
    }

    /// <summary>A 3-day run: its wellness window is the last 7 days.</summary>
    private static async Task<JsonElement> RunAsync(GarminService service)
    {
        var start = await service.Client.PostAsJsonAsync("/api/sync/runs", new { source = "garmin", daysBack = 3 });
        var body = await start.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(start.StatusCode == HttpStatusCode.Accepted, body.ToString());
        return await Eventually.WaitAsync(
            () => service.Client.GetFromJsonAsync<JsonElement>(start.Headers.Location!.OriginalString),
            r => r.GetProperty("status").GetString() != "in_progress",
            TimeSpan.FromSeconds(90));
    }

    private static async Task<List<JsonElement>> WellnessAsync(GarminService service) =>
        [.. (await service.Client.GetFromJsonAsync<JsonElement>($"/api/wellness?from={Today.AddDays(-6):yyyy-MM-dd}&to={Today:yyyy-MM-dd}"))
            .GetProperty("days").EnumerateArray()];
}
