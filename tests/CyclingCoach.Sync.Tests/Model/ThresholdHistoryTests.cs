using CyclingCoach.Sync.Import;
using CyclingCoach.Sync.Model;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Tests.Model;

/// <summary>Which period a ride uses, and when its metrics count as computed with other thresholds (no servers).</summary>
public sealed class ThresholdHistoryTests
{
    private static readonly AthleteThresholdPeriod Spring = new() { EffectiveFrom = new DateOnly(2025, 3, 1), FtpWatts = 250 };
    private static readonly AthleteThresholdPeriod Autumn = new() { EffectiveFrom = new DateOnly(2025, 9, 15), FtpWatts = 270, LactateThresholdHeartRateBpm = 168 };
    private static readonly ThresholdHistory History = new(4, [Spring, Autumn]);

    [Theory]
    [InlineData("2019-06-30", 250.0)] // before the first period: the first period reaches back (GoldenCheetah)
    [InlineData("2025-02-28", 250.0)]
    [InlineData("2025-03-01", 250.0)] // a period starts on its own date
    [InlineData("2025-09-14", 250.0)]
    [InlineData("2025-09-15", 270.0)]
    [InlineData("2031-01-01", 270.0)] // the last period has no end
    public void A_ride_uses_the_last_period_starting_on_or_before_its_date_and_the_first_reaches_back(string date, double ftp) =>
        Assert.Equal(ftp, History.On(DateOnly.Parse(date))?.FtpWatts);

    [Fact]
    public void The_first_LTHR_reaches_back_on_its_own_and_no_history_means_no_thresholds()
    {
        var before = History.On(new DateOnly(2024, 1, 1))!;
        Assert.Equal(Spring.EffectiveFrom, before.EffectiveFrom);
        Assert.Equal(168, before.LactateThresholdHeartRateBpm); // only autumn gives one: it applies to every ride before it
        Assert.Equal(168, History.On(new DateOnly(2025, 5, 1))!.LactateThresholdHeartRateBpm);
        Assert.Null(ThresholdHistory.None.On(new DateOnly(2025, 5, 1)));
    }

    [Fact]
    public void The_local_date_is_the_riders_calendar_date_not_the_UTC_one()
    {
        // 23:30 UTC on 14 September is 01:30 on the 15th in Central European Summer Time: the autumn period applies.
        var local = Workout.LocalDateOf(new DateTime(2025, 9, 14, 23, 30, 0, DateTimeKind.Utc), 120);
        Assert.Equal(new DateOnly(2025, 9, 15), local);
        Assert.Equal(Autumn.EffectiveFrom, History.On(local)!.EffectiveFrom);
    }

    [Fact]
    public void Metrics_count_as_stale_when_any_threshold_of_the_period_differs()
    {
        var streams = RideStreams.FromPower(Enumerable.Repeat(200.0, 600).ToArray(), Enumerable.Repeat(150.0, 600).ToArray());
        var metrics = WorkoutMetricsBuilder.Compute(streams, Spring, 4, [])!;

        Assert.True(WorkoutMetricsBuilder.UsesSameThresholds(metrics, Spring));
        Assert.True(WorkoutMetricsBuilder.UsesSameThresholds(metrics, new AthleteThresholdPeriod { EffectiveFrom = DateOnly.MinValue, FtpWatts = 250 }));
        Assert.False(WorkoutMetricsBuilder.UsesSameThresholds(metrics, Autumn));
        Assert.False(WorkoutMetricsBuilder.UsesSameThresholds(metrics, new AthleteThresholdPeriod { FtpWatts = 250, RestingHeartRateBpm = 50 }));
        Assert.False(WorkoutMetricsBuilder.UsesSameThresholds(metrics, null));

        // Reapplying other thresholds changes what depends on them and keeps the rest.
        var moved = WorkoutMetricsBuilder.Reapply(metrics, streams, Autumn, 5);
        Assert.Equal(200.0 / 270, moved.IntensityFactor!.Value, 9);
        Assert.Equal(100 * (600.0 / 3600) * (200.0 / 270) * (200.0 / 270), moved.TrainingStressScore!.Value, 9);
        Assert.Equal(5, moved.ThresholdsVersion);
        Assert.Equal(168, moved.LthrUsedBpm);
        Assert.Equal(metrics.NormalizedPowerWatts, moved.NormalizedPowerWatts);
        Assert.Same(metrics.MeanMaxPowerWatts, moved.MeanMaxPowerWatts);
        Assert.True(WorkoutMetricsBuilder.UsesSameThresholds(moved, Autumn));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void An_RPE_outside_1_to_10_has_no_intensity(int rpe) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingLoadEstimate.IntensityFactorForRpe(rpe));
}
