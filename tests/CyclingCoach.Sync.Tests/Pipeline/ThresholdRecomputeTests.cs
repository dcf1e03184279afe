using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Recompute;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Science;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.Sync.Tests.Pipeline;

/// <summary>
/// Metrics follow the thresholds (issue 8): real FIT rides, real PostgreSQL and RabbitMQ, each test on its own
/// database so its threshold history is its own. Expected values come from the Training library run by the test on
/// the same file, not from the service.
/// </summary>
public sealed class ThresholdRecomputeTests
{
    private const string PowerRide = "fitparse__sample-activity-indoor-trainer.fit"; // 2011-11-02, power + HR
    private const string LaterPowerRide = "fitparse__Edge810-Vector-2013-08-16-15-35-10.fit"; // 2013-08-16
    private const string ThirdPowerRide = "connectstats__activity_1382772474.fit"; // 2016, power
    private const string HeartRateRide = "sportslib__3939576645.fit"; // 2019-08-11, HR, no power

    [Fact]
    public async Task A_ride_gets_TSS_when_an_FTP_arrives_keeps_it_for_its_own_period_and_redeliveries_and_older_versions_change_nothing()
    {
        await using var sync = await IsolatedSync.StartAsync("syncthresholds");
        var rideA = await sync.UploadFixtureAsync(PowerRide);

        // No thresholds yet: no TSS, the load is the documented estimate (IF 0.65 over the moving time).
        var before = await sync.GetWorkoutAsync(rideA);
        var metrics = before.GetProperty("metrics");
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("trainingStressScore").ValueKind);
        Assert.Equal("estimate", before.GetProperty("trainingLoadSource").GetString());
        Assert.Equal(100 * (before.GetProperty("movingSeconds").GetDouble() / 3600) * 0.65 * 0.65, before.GetProperty("trainingLoad").GetDouble(), 6);
        var imported = await ImportedEventAsync(sync, rideA);
        Assert.Equal("estimate", imported.GetProperty("trainingLoadSource").GetString());
        Assert.Equal(JsonValueKind.Null, imported.GetProperty("powerZoneSeconds").ValueKind);
        var meanMax = imported.GetProperty("meanMax").EnumerateArray().Select(p => p.GetProperty("durationSeconds").GetInt32()).ToList();
        Assert.Subset(meanMax.ToHashSet(), new HashSet<int> { 1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800 });
        Assert.DoesNotContain(3600, meanMax); // the ride is 38 min long
        Assert.Equal(metrics.GetProperty("elapsedSeconds").GetDouble(), meanMax.Max()); // the whole ride

        var rideB = await sync.UploadFixtureAsync(LaterPowerRide);

        // An old publisher (no periods): FTP 250 applies to every date.
        var expected250 = FromFile(PowerRide, new AthleteThresholds(250));
        await sync.DeliverAsync(Profile(1, ftp: 250), Guid.NewGuid());
        await sync.SettleAsync();

        var after = await sync.GetWorkoutAsync(rideA);
        metrics = after.GetProperty("metrics");
        var tss = metrics.GetProperty("trainingStressScore").GetDouble();
        Assert.Equal(expected250.TrainingStressScore!.Value, tss, 3);
        Assert.Equal(expected250.IntensityFactor!.Value, metrics.GetProperty("intensityFactor").GetDouble(), 5);
        Assert.Equal(250, metrics.GetProperty("ftpUsedWatts").GetDouble());
        Assert.Equal(1, metrics.GetProperty("thresholdsVersion").GetInt32());
        Assert.Equal("power", after.GetProperty("trainingLoadSource").GetString());
        Assert.Equal(tss, after.GetProperty("trainingLoad").GetDouble());

        var recalculated = Assert.Single(sync.RecalculatedFor(rideA));
        Assert.Equal(1, recalculated.ThresholdsVersion);
        Assert.Equal(expected250.TrainingStressScore!.Value, recalculated.Metrics.TrainingStressScore!.Value, 3);
        Assert.Equal(expected250.TrainingStressScore!.Value, recalculated.Metrics.TrainingLoad!.Value, 3);
        Assert.Equal("power", recalculated.Metrics.TrainingLoadSource);
        Assert.Equal(expected250.TimeInPowerZonesSeconds, recalculated.Metrics.PowerZoneSeconds);
        Assert.Equal(7, recalculated.Metrics.PowerZoneSeconds!.Count);
        Assert.Null(recalculated.Metrics.HeartRateZoneSeconds); // no LTHR in this profile
        Assert.NotEmpty(recalculated.Metrics.MeanMax!);
        Assert.Single(sync.RecalculatedFor(rideB));

        // Two periods: FTP 250 from before ride A, FTP 300 from between the rides. Ride A keeps its numbers and
        // publishes nothing; ride B moves to 300.
        var twoPeriods = Guid.NewGuid();
        var profile2 = Profile(2, ftp: 300, effectiveFrom: new DateOnly(2012, 1, 1), periods:
        [
            new ThresholdPeriod(new DateOnly(2011, 1, 1), 250, null, null, null),
            new ThresholdPeriod(new DateOnly(2012, 1, 1), 300, null, null, null),
        ]);
        await sync.DeliverAsync(profile2, twoPeriods);
        await sync.SettleAsync();

        var kept = (await sync.GetWorkoutAsync(rideA)).GetProperty("metrics");
        Assert.Equal(tss, kept.GetProperty("trainingStressScore").GetDouble());
        Assert.Equal(1, kept.GetProperty("thresholdsVersion").GetInt32());
        Assert.Single(sync.RecalculatedFor(rideA));
        Assert.Equal(1, await sync.RecalculatedInOutboxAsync(rideA));

        var movedB = (await sync.GetWorkoutAsync(rideB)).GetProperty("metrics");
        Assert.Equal(300, movedB.GetProperty("ftpUsedWatts").GetDouble());
        Assert.Equal(FromFile(LaterPowerRide, new AthleteThresholds(300)).TrainingStressScore!.Value, movedB.GetProperty("trainingStressScore").GetDouble(), 3);
        Assert.Equal(2, sync.RecalculatedFor(rideB).Count);

        // The same message again (same MessageId): consumed, nothing changes, nothing is published.
        var outboxBefore = await sync.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages");
        await sync.DeliverAsync(profile2, twoPeriods);
        await sync.SettleAsync();
        Assert.Equal(outboxBefore, await sync.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
        Assert.Equal(3, sync.Recalculated.Count);

        // An older version delivered late (new MessageId, FTP 200 everywhere) is ignored.
        await sync.DeliverAsync(Profile(1, ftp: 200), Guid.NewGuid());
        await sync.SettleAsync();
        Assert.Equal(2, await sync.Database.ScalarAsync<int>("SELECT version FROM athlete_thresholds"));
        Assert.Equal(300, await sync.Database.ScalarAsync<double>("SELECT ftp_watts FROM athlete_threshold_periods WHERE effective_from = '2012-01-01'"));
        Assert.Equal(tss, (await sync.GetWorkoutAsync(rideA)).GetProperty("metrics").GetProperty("trainingStressScore").GetDouble());
        Assert.Equal(outboxBefore, await sync.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
        Assert.Equal(3, sync.Recalculated.Count);

        // A ride imported later uses the thresholds of its own date.
        var rideC = await sync.UploadFixtureAsync("connectstats__activity_1382772474.fit"); // 2016: FTP 300
        Assert.Equal(300, (await sync.GetWorkoutAsync(rideC)).GetProperty("metrics").GetProperty("ftpUsedWatts").GetDouble());
    }

    [Fact]
    public async Task A_ride_with_heart_rate_only_gets_HRSS_once_resting_HR_is_known()
    {
        await using var sync = await IsolatedSync.StartAsync("synchrss");
        var ride = await sync.UploadFixtureAsync(HeartRateRide);
        var since = new DateOnly(2019, 1, 1);

        // LTHR and max HR only: HR zones, but no TRIMP/HRSS without a resting HR, so still an estimate.
        await sync.DeliverAsync(Profile(1, lthr: 165, maxHr: 190, periods: [new ThresholdPeriod(since, null, 165, 190, null)]), Guid.NewGuid());
        await sync.SettleAsync();
        var partial = await sync.GetWorkoutAsync(ride);
        Assert.Equal(JsonValueKind.Null, partial.GetProperty("metrics").GetProperty("heartRateStressScore").ValueKind);
        Assert.Equal(5, partial.GetProperty("metrics").GetProperty("timeInHeartRateZonesSeconds").GetArrayLength());
        Assert.Equal("estimate", partial.GetProperty("trainingLoadSource").GetString());

        await sync.DeliverAsync(Profile(2, lthr: 165, maxHr: 190, restingHr: 50, periods: [new ThresholdPeriod(since, null, 165, 190, 50)]), Guid.NewGuid());
        await sync.SettleAsync();

        var expected = FromFile(HeartRateRide, new AthleteThresholds(null, 165, 190, 50)).HeartRateStressScore!.Value;
        var full = await sync.GetWorkoutAsync(ride);
        Assert.Equal(expected, full.GetProperty("metrics").GetProperty("heartRateStressScore").GetDouble(), 3);
        Assert.Equal("heart_rate", full.GetProperty("trainingLoadSource").GetString());
        Assert.Equal(expected, full.GetProperty("trainingLoad").GetDouble(), 3);
        var events = sync.RecalculatedFor(ride);
        Assert.Equal(2, events.Count); // LTHR arrived (zones), then resting HR (HRSS)
        var last = events.Single(e => e.ThresholdsVersion == 2);
        Assert.Equal("heart_rate", last.Metrics.TrainingLoadSource);
        Assert.Equal(expected, last.Metrics.HeartRateStressScore!.Value, 3);
        Assert.Equal(5, last.Metrics.HeartRateZoneSeconds!.Count);
        Assert.Null(last.Metrics.PowerZoneSeconds);
        Assert.Null(last.Metrics.MeanMax);
    }

    /// <summary>
    /// GoldenCheetah's convention (the first range reaches back to the beginning): an FTP entered once, dated after
    /// every ride, gives every earlier ride a power TSS — a manual ride its TSS from average power — and moving or
    /// changing a period recomputes (and announces) exactly the rides whose thresholds change, no others.
    /// </summary>
    [Fact]
    public async Task The_first_FTP_applies_to_every_earlier_ride_and_a_changed_period_recomputes_exactly_the_rides_it_covers()
    {
        await using var sync = await IsolatedSync.StartAsync("syncreachback");
        var rides = new Dictionary<string, (Guid Id, string? File)>
        {
            ["2011"] = (await sync.UploadFixtureAsync(PowerRide), PowerRide),
            ["2013"] = (await sync.UploadFixtureAsync(LaterPowerRide), LaterPowerRide),
            ["2016"] = (await sync.UploadFixtureAsync(ThirdPowerRide), ThirdPowerRide),
            ["manual 2010"] = (await CreateManualAsync(sync, "2010-05-01T09:00:00+02:00", 5400, 180), null),
        };
        Assert.All(rides.Values, r => Assert.Empty(sync.RecalculatedFor(r.Id)));
        Assert.Equal("estimate", (await sync.GetWorkoutAsync(rides["manual 2010"].Id)).GetProperty("trainingLoadSource").GetString());

        async Task ExpectAsync(params (string Ride, double Ftp, int Events)[] expected)
        {
            foreach (var (ride, ftp, events) in expected)
            {
                var (id, file) = rides[ride];
                var workout = await sync.GetWorkoutAsync(id);
                if (file is null)
                {
                    // 90 min at 180 W: IF = 180 / FTP, TSS = 100 · 1.5 · IF².
                    Assert.Equal(100 * 1.5 * (180 / ftp) * (180 / ftp), workout.GetProperty("trainingLoad").GetDouble(), 9);
                    Assert.Equal("average_power", workout.GetProperty("trainingLoadSource").GetString());
                    if (events > 0)
                    {
                        // The event carries the IF and FTP that load used, as a ride with samples does.
                        Assert.Equal(ftp, sync.RecalculatedFor(id)[^1].Metrics.FtpUsedWatts);
                        Assert.Equal(180 / ftp, sync.RecalculatedFor(id)[^1].Metrics.IntensityFactor!.Value, 9);
                    }
                }
                else
                {
                    var metrics = workout.GetProperty("metrics");
                    Assert.Equal(ftp, metrics.GetProperty("ftpUsedWatts").GetDouble());
                    Assert.Equal(FromFile(file, new AthleteThresholds(ftp)).TrainingStressScore!.Value, metrics.GetProperty("trainingStressScore").GetDouble(), 3);
                    Assert.Equal("power", workout.GetProperty("trainingLoadSource").GetString());
                }

                Assert.True(events == sync.RecalculatedFor(id).Count, $"{ride}: {sync.RecalculatedFor(id).Count} WorkoutMetricsRecalculated, expected {events}");
                Assert.Equal(workout.GetProperty("trainingLoad").GetDouble(), sync.RecalculatedFor(id)[^1].Metrics.TrainingLoad!.Value, 9);
            }
        }

        // The rider enters an FTP once, today: it applies to every ride before it.
        var today = new DateOnly(2026, 12, 1);
        await DeliverPeriodsAsync(sync, 1, (today, 250));
        await ExpectAsync(("manual 2010", 250, 1), ("2011", 250, 1), ("2013", 250, 1), ("2016", 250, 1));

        // An older first period takes over the reach-back: every ride moves to it.
        await DeliverPeriodsAsync(sync, 2, (new DateOnly(2012, 1, 1), 260), (today, 250));
        await ExpectAsync(("manual 2010", 260, 2), ("2011", 260, 2), ("2013", 260, 2), ("2016", 260, 2));

        // A period from 2015 covers only the 2016 ride.
        await DeliverPeriodsAsync(sync, 3, (new DateOnly(2012, 1, 1), 260), (new DateOnly(2015, 1, 1), 300), (today, 250));
        await ExpectAsync(("manual 2010", 260, 2), ("2011", 260, 2), ("2013", 260, 2), ("2016", 300, 3));

        // Changing the first period recomputes the rides before it and in it, not the 2016 ride.
        await DeliverPeriodsAsync(sync, 4, (new DateOnly(2012, 1, 1), 270), (new DateOnly(2015, 1, 1), 300), (today, 250));
        await ExpectAsync(("manual 2010", 270, 3), ("2011", 270, 3), ("2013", 270, 3), ("2016", 300, 3));

        // A manual ride logged now, dated in the first period's reach, takes its load from its average power at once.
        var later = await CreateManualAsync(sync, "2009-03-01T10:00:00+01:00", 3600, 216);
        var logged = await sync.GetWorkoutAsync(later);
        Assert.Equal(100 * (216.0 / 270) * (216.0 / 270), logged.GetProperty("trainingLoad").GetDouble(), 9);
        Assert.Equal("average_power", logged.GetProperty("trainingLoadSource").GetString());
        await sync.SettleAsync();
        Assert.Empty(sync.RecalculatedFor(later)); // already checked against version 4: nothing to recompute
    }

    /// <summary>
    /// The consumer stored a new history, then the process died after the worker committed one batch of two rides.
    /// A fresh host resumes: every ride is recomputed, and announced, exactly once.
    /// </summary>
    [Fact]
    public async Task A_recompute_cut_short_by_a_dead_process_is_resumed_by_the_next_one_and_each_ride_is_recomputed_once()
    {
        string[] rides = [PowerRide, LaterPowerRide, "connectstats__activity_1382772474.fit", "goldencheetah__TacxNeo.fit", "goldencheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit"];
        await using var sync = await IsolatedSync.StartAsync("syncresume", new Dictionary<string, string?>
        {
            ["Sync:RecomputeBatchSize"] = "2",
            ["Sync:PollSeconds"] = "3600", // the first host's worker never looks again by itself
        });
        var ids = new List<Guid>();
        foreach (var ride in rides)
        {
            ids.Add(await sync.UploadFixtureAsync(ride));
        }

        // What the consumer commits for version 1 (FTP 250 from the beginning of time)…
        await sync.ExecuteAsync("""
            INSERT INTO athlete_thresholds (id, version, ftp_watts, changed_at) VALUES (1, 1, 250, now());
            INSERT INTO athlete_threshold_periods (effective_from, ftp_watts) VALUES ('0001-01-01', 250);
            """);

        // … then one batch, then the process is gone.
        await using (var scope = sync.Host.Services.CreateAsyncScope())
        {
            var batch = await scope.ServiceProvider.GetRequiredService<ThresholdRecomputer>().RecomputeBatchAsync(2, CancellationToken.None);
            Assert.Equal(new RecomputeBatchResult(2, 2), batch);
        }

        await sync.StopHostAsync();
        Assert.Equal(2, await sync.Database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE thresholds_checked_version = 1"));
        Assert.Equal(2, await sync.RecalculatedInOutboxAsync());

        await sync.StartHostAsync(new Dictionary<string, string?> { ["Sync:PollSeconds"] = "0.5" });
        await sync.SettleAsync();

        Assert.Equal(5, await sync.Database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE thresholds_checked_version = 1 AND (metrics->>'ftpUsedWatts')::float8 = 250"));
        foreach (var (id, ride) in ids.Zip(rides))
        {
            Assert.Equal(1, await sync.RecalculatedInOutboxAsync(id));
            var expected = FromFile(ride, new AthleteThresholds(250)).TrainingStressScore!.Value;
            Assert.Equal(expected, (await sync.GetWorkoutAsync(id)).GetProperty("metrics").GetProperty("trainingStressScore").GetDouble(), 3);
        }

        // Received on the bus (by either host's relay): each ride once.
        Assert.Equal(rides.Length, sync.Recalculated.Count);
        Assert.All(ids, id => Assert.Single(sync.RecalculatedFor(id)));
    }

    private static async Task<Guid> CreateManualAsync(IsolatedSync sync, string start, double seconds, double averagePower)
    {
        var response = await sync.Client.PostAsJsonAsync("/api/workouts/manual", new { name = "Logged by hand", startTime = start, durationSeconds = seconds, distanceMeters = 30_000, averagePower });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Delivers version <paramref name="version"/> with these FTP periods (the last one's FTP as today's) and waits for the recompute.</summary>
    private static async Task DeliverPeriodsAsync(IsolatedSync sync, int version, params (DateOnly From, double Ftp)[] periods)
    {
        await sync.DeliverAsync(
            Profile(version, ftp: periods[^1].Ftp, effectiveFrom: periods[^1].From, periods: [.. periods.Select(p => new ThresholdPeriod(p.From, p.Ftp, null, null, null))]),
            Guid.NewGuid());
        await sync.SettleAsync();
    }

    private static AthleteProfileChanged Profile(
        int version, double? ftp = null, int? lthr = null, int? maxHr = null, int? restingHr = null, DateOnly? effectiveFrom = null, IReadOnlyList<ThresholdPeriod>? periods = null) =>
        new(version, ftp, 70, maxHr, lthr, null, DateTimeOffset.UtcNow, restingHr, effectiveFrom, periods);

    /// <summary>The Training library's metrics for the fixture file, parsed and resampled here, independently of the service.</summary>
    private static RideMetrics FromFile(string fitName, AthleteThresholds thresholds)
    {
        using var stream = File.OpenRead(IsolatedSync.FixturePath(fitName));
        var file = ActivityReader.ReadFile(stream, fitName);
        var streams = ActivityStreams.FromFit(file.Fit!);
        return RideMetricsCalculator.Compute(streams, thresholds);
    }

    private static async Task<JsonElement> ImportedEventAsync(IsolatedSync sync, Guid id)
    {
        var payload = await sync.Database.ScalarAsync<string>(
            $"SELECT payload::text FROM outbox_messages WHERE payload->>'workoutId' = '{id}' AND message_type LIKE 'CyclingCoach.Contracts.WorkoutImported%'");
        return JsonDocument.Parse(payload).RootElement.GetProperty("metrics");
    }
}
