using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Fakes.IntervalsIcu;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.Sync.Tests.Pipeline;

[Collection(SyncCollection.Name)]
public sealed class DedupeAndThresholdTests(SyncFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task The_same_ride_from_intervals_icu_and_uploads_is_one_workout_keeping_the_richest_copy()
    {
        var t = new DateTime(2021, 10, 3, 8, 0, 0, DateTimeKind.Utc);
        var window = new { source = "intervals_icu", from = SyncApi.Iso(t.AddDays(-1)), to = SyncApi.Iso(t.AddDays(1)) };

        // intervals.icu has the ride without power.
        fixture.IntervalsIcu.Add(new FakeIntervalsIcu.FakeActivity("idedupe1", new DateTimeOffset(t), "Ride", "Morning ride", 1200,
            FitWriter.Ride(t, 1200, basePower: null, seed: 31)));
        var (_, started) = await client.StartRunAsync(window);
        var first = await client.WaitForRunAsync(started.GetProperty("id").GetGuid());
        Assert.Equal((1, 1, 0, 0), SyncApi.Counts(first));
        var workoutId = await WorkoutIdAsync("IntervalsIcu", "idedupe1");

        // An upload of the head unit's file (power + HR), 20 s later by its clock, 4 % longer: richer, so it replaces the data.
        var rich = FitWriter.Ride(t.AddSeconds(20), 1250, basePower: 220, seed: 32);
        var upload = await client.UploadAsync(rich, "edge.fit");
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var item = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0];
        Assert.Equal("merged", item.GetProperty("outcome").GetString());
        Assert.Equal(workoutId, item.GetProperty("workoutId").GetGuid());

        var merged = await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{workoutId}");
        Assert.Equal("file", merged.GetProperty("source").GetString());
        Assert.Equal("Morning ride", merged.GetProperty("name").GetString());
        Assert.True(merged.GetProperty("metrics").GetProperty("hasPower").GetBoolean());
        Assert.Equal(1250, merged.GetProperty("durationSeconds").GetDouble());
        var aliases = merged.GetProperty("aliases").EnumerateArray().Select(a => $"{a.GetProperty("source").GetString()}:{a.GetProperty("sourceActivityId").GetString()}").ToList();
        Assert.Equal(["intervals_icu:idedupe1"], aliases);
        var streams = await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{workoutId}/streams");
        Assert.Equal(JsonValueKind.Array, streams.GetProperty("power").ValueKind);

        // A re-sync skips the alias without downloading it again.
        var downloads = fixture.IntervalsIcu.FileRequests;
        var (_, again) = await client.StartRunAsync(window);
        var rerun = await client.WaitForRunAsync(again.GetProperty("id").GetGuid());
        Assert.Equal((1, 0, 1, 0), SyncApi.Counts(rerun));
        Assert.Equal(downloads, fixture.IntervalsIcu.FileRequests);

        // A poorer upload (HR only) 30 s earlier is merged as an alias; the rich data stays.
        var poor = await client.UploadAsync(FitWriter.Ride(t.AddSeconds(-30), 1180, basePower: null, seed: 33), "phone.fit");
        Assert.Equal(HttpStatusCode.OK, poor.StatusCode);
        var kept = await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{workoutId}");
        Assert.True(kept.GetProperty("metrics").GetProperty("hasPower").GetBoolean());
        Assert.Equal(2, kept.GetProperty("aliases").GetArrayLength());

        // A ride five minutes later is another ride.
        var other = await client.UploadAsync(FitWriter.Ride(t.AddMinutes(5), 1200, basePower: 150, seed: 34), "later.fit");
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        Assert.Equal(2, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM workouts WHERE start_time_utc BETWEEN '{t.AddHours(-1):O}' AND '{t.AddHours(1):O}'"));
    }

    [Fact]
    public async Task Metrics_use_the_latest_AthleteProfileChanged_thresholds()
    {
        var version = 100_000 + Random.Shared.Next(1000);
        var bus = fixture.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new AthleteProfileChanged(version, 250, 70, 190, 168, null, DateTimeOffset.UtcNow));
        var stored = await Eventually.WaitAsync(
            () => fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM athlete_thresholds WHERE version = {version} AND ftp_watts = 250"),
            n => n == 1,
            TimeSpan.FromSeconds(30));
        Assert.Equal(1, stored);

        var response = await client.UploadAsync(FitWriter.Ride(new DateTime(2021, 11, 5, 9, 0, 0, DateTimeKind.Utc), 3600, basePower: 230, seed: 41), "ftp.fit");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("workoutId").GetGuid();
        var metrics = (await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}")).GetProperty("metrics");

        var np = metrics.GetProperty("normalizedPowerWatts").GetDouble();
        Assert.Equal(250, metrics.GetProperty("ftpUsedWatts").GetDouble());
        Assert.Equal(168, metrics.GetProperty("lthrUsedBpm").GetDouble());
        Assert.Equal(version, metrics.GetProperty("thresholdsVersion").GetInt32());
        Assert.Equal(np / 250, metrics.GetProperty("intensityFactor").GetDouble(), 9);
        Assert.Equal(100 * (np / 250) * (np / 250), metrics.GetProperty("trainingStressScore").GetDouble(), 6);
        Assert.Equal(7, metrics.GetProperty("timeInPowerZonesSeconds").GetArrayLength());
        Assert.Equal(5, metrics.GetProperty("timeInHeartRateZonesSeconds").GetArrayLength());

        // The rides other tests stored in this database are recomputed in the background; let that finish here so
        // their outbox counts are not disturbed.
        var due = await Eventually.WaitAsync(
            () => fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM workouts WHERE has_streams AND thresholds_checked_version < {version}"),
            n => n == 0,
            TimeSpan.FromSeconds(60));
        Assert.Equal(0, due);
    }

    private async Task<Guid> WorkoutIdAsync(string source, string sourceId) =>
        Guid.Parse(await fixture.Database.ScalarAsync<string>($"SELECT id::text FROM workouts WHERE source = '{source}' AND source_activity_id = '{sourceId}'"));
}
