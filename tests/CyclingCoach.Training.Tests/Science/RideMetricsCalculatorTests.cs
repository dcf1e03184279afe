using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

public class RideMetricsCalculatorTests
{
    private static readonly AthleteThresholds Rider = new(FtpWatts: 250, LthrBpm: 160, MaxHeartRateBpm: 190, RestingHeartRateBpm: 50);

    [Fact]
    public void One_hour_at_ftp_scores_if_1_and_tss_100()
    {
        var streams = RideStreams.FromPower(SeriesBuilder.Blocks((3600, 250)));
        var m = RideMetricsCalculator.Compute(streams, Rider);
        Assert.Equal(250, m.NormalizedPowerWatts!.Value, 9);
        Assert.Equal(250, m.AveragePowerWatts!.Value, 9);
        Assert.Equal(1.0, m.IntensityFactor!.Value, 9);
        Assert.Equal(100.0, m.TrainingStressScore!.Value, 9);
        Assert.Equal(1.0, m.VariabilityIndex!.Value, 9);
        Assert.Equal(900.0, m.WorkKilojoules!.Value, 9); // 250 W · 3600 s = 900 kJ
        Assert.Equal(250, m.FtpUsedWatts);
    }

    [Fact]
    public void Two_hours_at_75_percent_scores_tss_112_5()
    {
        // TSS = 100 · 2 h · 0.75² = 112.5
        var m = RideMetricsCalculator.Compute(RideStreams.FromPower(SeriesBuilder.Blocks((7200, 187.5))), Rider);
        Assert.Equal(0.75, m.IntensityFactor!.Value, 9);
        Assert.Equal(112.5, m.TrainingStressScore!.Value, 9);
    }

    [Fact]
    public void Interval_set_uses_np_for_if_and_tss()
    {
        // NP 252.378 W (see NormalizedPowerTests), FTP 250: IF = 1.009512, TSS = 100 · (1200/3600) · IF² = 33.971.
        var m = RideMetricsCalculator.Compute(RideStreams.FromPower(SeriesBuilder.Blocks((600, 300), (600, 100))), Rider);
        Assert.Equal(252.378 / 250, m.IntensityFactor!.Value, 4);
        Assert.Equal(33.971, m.TrainingStressScore!.Value, 2);
        Assert.Equal(252.378 / 200, m.VariabilityIndex!.Value, 4);
    }

    [Fact]
    public void Time_in_coggan_power_zones()
    {
        // 60 s in each zone: 50 %, 60 %, 80 %, 100 %, 110 %, 130 %, 200 % of FTP 250 W; boundaries belong to the upper zone.
        var p = SeriesBuilder.Blocks((60, 125), (60, 150), (60, 200), (60, 250), (60, 275), (60, 325), (60, 500), (10, 137.5), (10, 262.5));
        var m = RideMetricsCalculator.Compute(RideStreams.FromPower(p), Rider);
        // 137.5 W = 55 % -> Z2; 262.5 W = 105 % -> Z5.
        Assert.Equal(new double[] { 60, 70, 60, 60, 70, 60, 60 }, m.TimeInPowerZonesSeconds.ToArray());
    }

    [Fact]
    public void One_hour_at_lthr_scores_hrss_100_and_trimp_by_hand()
    {
        var hr = SeriesBuilder.Blocks((3600, 160));
        var m = RideMetricsCalculator.Compute(RideStreams.FromPower(SeriesBuilder.Blocks((3600, 200)), hr), Rider);
        Assert.Equal(100.0, m.HeartRateStressScore!.Value, 6);
        // ΔHR = (160 − 50)/(190 − 50) = 0.785714; TRIMP = 60 min · 0.785714 · 0.64 · e^(1.92·0.785714) = 136.383
        Assert.Equal(136.383, m.Trimp!.Value, 3);
        Assert.Equal(200.0 / 160.0, m.EfficiencyFactor!.Value, 9); // EF = NP / avg HR
        Assert.Equal(3600, m.TimeInHeartRateZonesSeconds[3]); // 160/160 = 100 % LTHR -> Z4 (94-105 %)
        Assert.Equal(0.0, m.AerobicDecouplingPercent!.Value, 9);
        Assert.Equal(m.TrainingStressScore, m.TrainingLoad); // power wins over HR

        var hrOnly = RideStreams.FromPower(new double[3600], hr);
        hrOnly.Power.AsSpan().Fill(double.NaN);
        var h = RideMetricsCalculator.Compute(hrOnly, Rider);
        Assert.Null(h.TrainingStressScore);
        Assert.Equal(100.0, h.TrainingLoad!.Value, 6); // HRSS when there is no power
    }

    [Fact]
    public void Lthr_defaults_from_max_and_resting_hr()
    {
        var t = new AthleteThresholds(250, LthrBpm: null, MaxHeartRateBpm: 190, RestingHeartRateBpm: 50);
        Assert.Equal(50 + (0.85 * 140), t.EffectiveLthrBpm!.Value, 9);
    }

    [Fact]
    public void Aerobic_decoupling_compares_halves()
    {
        // Same 200 W throughout, HR 140 then 150: 100 · (200/140 − 200/150)/(200/140) = 100 · (1 − 140/150) = 6.667 %.
        var p = SeriesBuilder.Blocks((1800, 200), (1800, 200));
        var hr = SeriesBuilder.Blocks((1800, 140), (1800, 150));
        var m = RideMetricsCalculator.Compute(RideStreams.FromPower(p, hr), Rider);
        Assert.Equal(100.0 * (1 - (140.0 / 150.0)), m.AerobicDecouplingPercent!.Value, 9);
    }

    [Fact]
    public void Missing_ftp_and_hr_give_nulls_not_zeros()
    {
        var m = RideMetricsCalculator.Compute(RideStreams.FromPower(SeriesBuilder.Blocks((600, 200))), new AthleteThresholds(null));
        Assert.Equal(200, m.NormalizedPowerWatts!.Value, 9);
        Assert.Null(m.IntensityFactor);
        Assert.Null(m.TrainingStressScore);
        Assert.Empty(m.TimeInPowerZonesSeconds);
        Assert.Null(m.AverageHeartRateBpm);
        Assert.Null(m.HeartRateStressScore);
        Assert.Null(m.ElevationGainMeters);
    }

    [Fact]
    public void Paused_seconds_are_left_out_of_power_metrics()
    {
        // 30 min at 250 W, a 20 min pause, 30 min at 250 W: NP 250, TSS 100 (T = 3600 recorded seconds).
        var s = RideStreams.FromPower(SeriesBuilder.Blocks((1800, 250), (1200, 0), (1800, 250)));
        s.Recorded.AsSpan(1800, 1200).Clear();
        s.Moving.AsSpan(1800, 1200).Clear();
        var m = RideMetricsCalculator.Compute(s, Rider);
        Assert.Equal(3600, m.RecordedSeconds);
        Assert.Equal(4800, m.ElapsedSeconds);
        Assert.Equal(250, m.NormalizedPowerWatts!.Value, 9);
        Assert.Equal(100, m.TrainingStressScore!.Value, 9);
    }
}
