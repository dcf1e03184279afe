using System.Diagnostics;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Testing;
using Xunit.Abstractions;

namespace CyclingCoach.Sync.Tests.Pipeline;

/// <summary>
/// A new FTP over three years of rides: 1,000 stored copies of a real 78-minute power ride (workout rows and 1 Hz
/// streams copied in SQL, so the set-up does not parse 1,000 files) are recomputed and announced. The time is
/// printed for bench/RESULTS.md, not asserted.
/// </summary>
public sealed class ThresholdRecomputeBenchmark(ITestOutputHelper output)
{
    private const int Rides = 1000;

    [Fact]
    public async Task A_new_FTP_recomputes_a_thousand_stored_rides_in_batches_each_exactly_once()
    {
        await using var sync = await IsolatedSync.StartAsync("syncrecomputebench");
        var template = await sync.UploadFixtureAsync("fitparse__Edge810-Vector-2013-08-16-15-35-10.fit");
        await CopyAsync(sync, template, Rides - 1);
        Assert.Equal(Rides, await sync.Database.ScalarAsync<long>("SELECT count(*) FROM workout_streams"));

        var clock = Stopwatch.StartNew();
        await sync.DeliverAsync(new AthleteProfileChanged(1, 250, 70, null, null, null, DateTimeOffset.UtcNow), Guid.NewGuid());
        var due = await Eventually.WaitAsync(
            () => sync.Database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE thresholds_checked_version < 1"),
            n => n == 0,
            TimeSpan.FromSeconds(120));
        var recomputed = clock.Elapsed;
        await sync.SettleAsync();
        var published = clock.Elapsed;

        Assert.Equal(0, due);
        Assert.Equal(Rides, await sync.Database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE (metrics->>'ftpUsedWatts')::float8 = 250 AND training_load_source = 'power'"));
        Assert.Equal(Rides, await sync.RecalculatedInOutboxAsync());
        Assert.Equal(Rides, sync.Recalculated.Count);
        output.WriteLine($"{Rides} rides: recomputed in {recomputed.TotalSeconds:F2} s, all {Rides} WorkoutMetricsRecalculated received in {published.TotalSeconds:F2} s");
    }

    /// <summary>Copies the workout row and its streams <paramref name="copies"/> times, one day earlier each.</summary>
    private static async Task CopyAsync(IsolatedSync sync, Guid template, int copies)
    {
        var columns = await sync.Database.ScalarAsync<string>(
            "SELECT string_agg(column_name, ',') FROM information_schema.columns WHERE table_name = 'workouts' AND column_name NOT IN ('id', 'source_activity_id', 'start_time_utc')");
        var streamColumns = await sync.Database.ScalarAsync<string>(
            "SELECT string_agg(column_name, ',') FROM information_schema.columns WHERE table_name = 'workout_streams' AND column_name <> 'workout_id'");
        await sync.ExecuteAsync($"""
            CREATE TEMP TABLE copies AS SELECT gen_random_uuid() AS id, g FROM generate_series(1, {copies}) g;
            INSERT INTO workouts (id, source_activity_id, start_time_utc, {columns})
                SELECT c.id, 'copy-' || c.g, w.start_time_utc - c.g * interval '1 day', {Prefixed("w", columns)} FROM workouts w, copies c WHERE w.id = '{template}';
            INSERT INTO workout_streams (workout_id, {streamColumns})
                SELECT c.id, {Prefixed("s", streamColumns)} FROM workout_streams s, copies c WHERE s.workout_id = '{template}';
            """);
    }

    private static string Prefixed(string alias, string columns) => string.Join(',', columns.Split(',').Select(c => $"{alias}.{c}"));
}
