using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

/// <summary>A power, cadence or heart-rate channel with no sample above 0 is no channel (RideStreams.HasPower).</summary>
public class ZeroChannelTests
{
    private static readonly AthleteThresholds Rider = new(FtpWatts: 250, LthrBpm: 160, MaxHeartRateBpm: 190, RestingHeartRateBpm: 50);
    private static readonly DateTime T0 = new(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void All_zero_power_is_no_power_and_the_load_falls_back_to_heart_rate()
    {
        var hr = SeriesBuilder.Blocks((3600, 160));
        var s = RideStreams.FromPower(new double[3600], hr);

        Assert.False(s.HasPower);
        var m = RideMetricsCalculator.Compute(s, Rider);
        Assert.Null(m.AveragePowerWatts);
        Assert.Null(m.NormalizedPowerWatts);
        Assert.Null(m.TrainingStressScore);
        Assert.Null(m.EfficiencyFactor);
        Assert.Null(m.AerobicDecouplingPercent);
        Assert.Empty(m.TimeInPowerZonesSeconds);
        Assert.Equal(100.0, m.TrainingLoad!.Value, 6); // HRSS: one hour at LTHR
        Assert.Same(MeanMaxCurve.Empty, MeanMaxPower.Compute(s));
    }

    [Fact]
    public void Coasting_zeros_inside_a_real_power_channel_stay_zeros()
    {
        // 30 min at 250 W, 50 min freewheeling down a pass, 10 min at 250 W: the zeros count in the average and TSS.
        var s = RideStreams.FromPower(SeriesBuilder.Blocks((1800, 250), (3000, 0), (600, 250)));

        Assert.True(s.HasPower);
        var m = RideMetricsCalculator.Compute(s, Rider);
        Assert.Equal(250.0 * 2400 / 5400, m.AveragePowerWatts!.Value, 9);
        Assert.True(m.TrainingStressScore > 0);
        Assert.Equal(3000, m.TimeInPowerZonesSeconds[0]); // the coasting is Z1 time
        Assert.Equal(s.Length, MeanMaxPower.Compute(s).MaxDurationSeconds);
    }

    [Fact]
    public void A_single_positive_sample_keeps_the_channel()
    {
        var p = new double[600];
        p[300] = 1;
        Assert.True(RideStreams.FromPower(p).HasPower);
        p[300] = double.NaN;
        Assert.False(RideStreams.FromPower(p).HasPower);
    }

    [Fact]
    public void All_zero_heart_rate_is_no_heart_rate()
    {
        var s = RideStreams.FromPower(SeriesBuilder.Blocks((3600, 200)), new double[3600]);

        Assert.False(s.HasHeartRate);
        var m = RideMetricsCalculator.Compute(s, Rider);
        Assert.Null(m.AverageHeartRateBpm);
        Assert.Null(m.HeartRateStressScore);
        Assert.Null(m.Trimp);
        Assert.Empty(m.TimeInHeartRateZonesSeconds);
        Assert.Equal(m.TrainingStressScore, m.TrainingLoad);

        // Without power either, nothing measured the ride: no load from the samples (the caller's estimate takes over).
        var nothing = RideStreams.FromPower(new double[3600], new double[3600]);
        Assert.Null(RideMetricsCalculator.Compute(nothing, Rider).TrainingLoad);
    }

    [Fact]
    public void Heart_rate_dropouts_to_zero_are_not_averaged()
    {
        var hr = SeriesBuilder.Blocks((1800, 150), (600, 0), (1200, 150));
        var m = RideMetricsCalculator.Compute(RideStreams.FromPower(SeriesBuilder.Blocks((3600, 200)), hr), Rider);
        Assert.Equal(150, m.AverageHeartRateBpm!.Value, 9);
    }

    [Fact]
    public void All_zero_cadence_is_no_cadence_and_does_not_stop_the_ride_moving()
    {
        // An indoor file without speed whose head unit writes 0 W and 0 rpm: nothing says the rider stood still.
        var points = new List<TrackPoint>();
        for (var i = 0; i < 120; i++)
        {
            points.Add(new TrackPoint(T0.AddSeconds(i), double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, 140, 0, double.NaN));
        }

        var s = RideResampler.Resample(points);
        Assert.False(s.HasPower);
        Assert.False(s.HasCadence);
        Assert.True(s.HasHeartRate);
        Assert.All(s.Moving, Assert.True);
        var m = RideMetricsCalculator.Compute(s, Rider);
        Assert.Null(m.AverageCadenceRpm);
        Assert.Equal(120, m.MovingSeconds);
    }

    [Fact]
    public void Nick_fit_has_an_all_zero_power_channel_and_counts_as_a_heart_rate_ride()
    {
        using var stream = File.OpenRead(FixturePaths.Fit("fitparse__nick.fit"));
        var fit = FitDecoder.Read(stream);
        Assert.All(fit.Activity.Points, p => Assert.True(double.IsNaN(p.PowerWatts) || p.PowerWatts == 0));

        var s = ActivityStreams.FromFit(fit);
        Assert.False(s.HasPower);
        Assert.True(s.HasHeartRate);
        Assert.InRange(s.Length, (4 * 3600) + (30 * 60), 4 * 3600 + (45 * 60)); // a 4 h 39 min ride

        var m = RideMetricsCalculator.Compute(SampleRepair.Repair(s).Streams, Rider);
        Assert.Null(m.NormalizedPowerWatts);
        Assert.Null(m.TrainingStressScore);
        Assert.Null(m.EfficiencyFactor);
        Assert.NotNull(m.HeartRateStressScore);
        Assert.Equal(m.HeartRateStressScore, m.TrainingLoad);
        Assert.InRange(m.TrainingLoad!.Value, 100, 600); // 4.5 hours is a big day, not zero
    }
}
