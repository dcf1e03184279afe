using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Data.Migrations;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Tests.Pipeline;

/// <summary>
/// A real ride whose power meter wrote 0 W for every record (fitparse__nick.fit: 4 h 39 min, 113 km, power and
/// cadence all 0, heart rate real): no power, its load from heart rate — on import, and for a ride stored the old way
/// (power counted, TSS ≈ 0) once the migration's data step marks it. Real PostgreSQL and RabbitMQ, own database.
/// </summary>
public sealed class ZeroChannelRideTests
{
    private const string ZeroPowerRide = "fitparse__nick.fit";
    private static readonly AthleteThresholds Rider = new(250, LthrBpm: 165, MaxHeartRateBpm: 190, RestingHeartRateBpm: 50);

    [Fact]
    public async Task An_all_zero_power_ride_imports_without_power_and_takes_its_load_from_heart_rate()
    {
        await using var sync = await StartWithThresholdsAsync("synczeroimport");
        var id = await sync.UploadFixtureAsync(ZeroPowerRide);
        var expected = FromFile();

        var workout = await sync.GetWorkoutAsync(id);
        AssertHeartRateRide(workout, expected);

        // Stored streams: no power or cadence channel (the chart shows none), heart rate kept.
        var streams = await sync.Client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}/streams");
        Assert.True(Absent(streams, "power"));
        Assert.True(Absent(streams, "cadence"));
        Assert.Equal(JsonValueKind.Array, streams.GetProperty("heartRate").ValueKind);

        // What Coaching projects.
        var imported = Assert.Single(await ImportedEventsAsync(sync, id));
        AssertHeartRateEvent(imported, expected);
    }

    [Fact]
    public async Task A_ride_stored_with_its_zero_power_counted_is_recomputed_once_and_coaching_is_told()
    {
        await using var sync = await StartWithThresholdsAsync("synczerostored");
        var id = await sync.UploadFixtureAsync(ZeroPowerRide);
        var expected = FromFile();
        var length = (await sync.GetWorkoutAsync(id)).GetProperty("metrics").GetProperty("elapsedSeconds").GetDouble();

        // The ride as the old rule stored it: 0 W and 0 rpm channels, power metrics of 0, the load "power" ≈ 0.
        await sync.ExecuteAsync($$"""
            UPDATE workout_streams SET power = array_fill(0::real, ARRAY[{{length}}]), cadence = array_fill(0::real, ARRAY[{{length}}]) WHERE workout_id = '{{id}}';
            UPDATE workouts SET average_power = 0, max_power = 0, average_cadence = 0, training_load = 0, training_load_source = 'power',
                metrics = metrics || '{"hasPower": true, "averagePowerWatts": 0, "normalizedPowerWatts": 0, "trainingStressScore": 0, "efficiencyFactor": 0, "averageCadenceRpm": 0, "meanMaxPowerWatts": {"5": 0, "60": 0} }'::jsonb
            WHERE id = '{{id}}';
            """);
        var stale = await sync.GetWorkoutAsync(id);
        Assert.Equal("power", stale.GetProperty("trainingLoadSource").GetString());
        Assert.Equal(0, stale.GetProperty("trainingLoad").GetDouble());

        // The migration's data step, then the worker.
        await sync.ExecuteAsync(AbsentZeroChannels.DropZeroChannelsSql);
        Assert.Equal(1, await sync.Database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE metrics_outdated"));
        await sync.SettleAsync();

        var workout = await sync.GetWorkoutAsync(id);
        AssertHeartRateRide(workout, expected);
        var streams = await sync.Client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}/streams");
        Assert.True(Absent(streams, "power"));
        Assert.True(Absent(streams, "cadence"));

        // Coaching: one WorkoutMetricsRecalculated (refreshes its reviews) and the ride as now stored (its copy,
        // average power included, updated in place under the same id).
        var recalculated = Assert.Single(sync.RecalculatedFor(id));
        Assert.Equal("heart_rate", recalculated.Metrics.TrainingLoadSource);
        Assert.Equal(expected.HeartRateStressScore!.Value, recalculated.Metrics.TrainingLoad!.Value, 3);
        Assert.Null(recalculated.Metrics.NormalizedPowerWatts);
        Assert.Null(recalculated.Metrics.MeanMax);
        var events = await ImportedEventsAsync(sync, id);
        Assert.Equal(2, events.Count);
        AssertHeartRateEvent(events[^1], expected);

        // Once: the data step finds nothing more, and nothing more is published.
        await sync.ExecuteAsync(AbsentZeroChannels.DropZeroChannelsSql);
        Assert.Equal(0, await sync.Database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE metrics_outdated"));
        await sync.SettleAsync();
        Assert.Single(sync.RecalculatedFor(id));
        Assert.Equal(2, (await ImportedEventsAsync(sync, id)).Count);
    }

    private static void AssertHeartRateRide(JsonElement workout, RideMetrics expected)
    {
        var metrics = workout.GetProperty("metrics");
        Assert.False(metrics.GetProperty("hasPower").GetBoolean());
        Assert.True(metrics.GetProperty("hasHeartRate").GetBoolean());
        foreach (var absent in new[] { "averagePowerWatts", "normalizedPowerWatts", "trainingStressScore", "efficiencyFactor", "averageCadenceRpm" })
        {
            Assert.True(Absent(metrics, absent), absent);
        }

        Assert.Empty(metrics.GetProperty("meanMaxPowerWatts").EnumerateObject());
        Assert.Equal(0, metrics.GetProperty("timeInPowerZonesSeconds").GetArrayLength());
        Assert.True(Absent(workout, "averagePower"));
        Assert.True(Absent(workout, "maxPower"));
        Assert.True(Absent(workout, "averageCadence"));
        Assert.Equal("heart_rate", workout.GetProperty("trainingLoadSource").GetString());
        Assert.Equal(expected.HeartRateStressScore!.Value, workout.GetProperty("trainingLoad").GetDouble(), 3);
        Assert.InRange(workout.GetProperty("trainingLoad").GetDouble(), 100, 600); // 4.5 hours, not ≈ 0
        Assert.True(Absent(metrics, "deviceMismatches") || metrics.GetProperty("deviceMismatches").GetArrayLength() == 0); // no session to compare
    }

    private static void AssertHeartRateEvent(JsonElement imported, RideMetrics expected)
    {
        Assert.True(Absent(imported, "averagePowerWatts"));
        var m = imported.GetProperty("metrics");
        Assert.Equal("heart_rate", m.GetProperty("trainingLoadSource").GetString());
        Assert.Equal(expected.HeartRateStressScore!.Value, m.GetProperty("trainingLoad").GetDouble(), 3);
        foreach (var absent in new[] { "normalizedPowerWatts", "trainingStressScore", "intensityFactor", "meanMax", "powerZoneSeconds" })
        {
            Assert.True(Absent(m, absent), absent);
        }
    }

    private static bool Absent(JsonElement e, string name) => !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null;

    private static async Task<IsolatedSync> StartWithThresholdsAsync(string prefix)
    {
        var sync = await IsolatedSync.StartAsync(prefix);
        await sync.DeliverAsync(
            new AthleteProfileChanged(1, Rider.FtpWatts, 70, 190, 165, null, DateTimeOffset.UtcNow, 50),
            Guid.NewGuid());
        await sync.SettleAsync();
        return sync;
    }

    /// <summary>The Training library's metrics for the file (repaired samples, as Sync computes them), independently of the service.</summary>
    private static RideMetrics FromFile()
    {
        using var stream = File.OpenRead(IsolatedSync.FixturePath(ZeroPowerRide));
        var file = ActivityReader.ReadFile(stream, ZeroPowerRide);
        return RideMetricsCalculator.Compute(SampleRepair.Repair(ActivityStreams.FromFit(file.Fit!)).Streams, Rider);
    }

    private static async Task<List<JsonElement>> ImportedEventsAsync(IsolatedSync sync, Guid id)
    {
        var payloads = await sync.Database.ScalarAsync<string>(
            $"SELECT coalesce(json_agg(payload ORDER BY created_at, id)::text, '[]') FROM outbox_messages WHERE payload->>'workoutId' = '{id}' AND message_type LIKE 'CyclingCoach.Contracts.WorkoutImported%'");
        return JsonDocument.Parse(payloads).RootElement.EnumerateArray().ToList();
    }
}
