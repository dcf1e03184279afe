using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

public class RideResamplerTests
{
    private static readonly DateTime T0 = new(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);

    private static TrackPoint Sample(double second, double power, double hr = 140, double distance = double.NaN, double altitude = double.NaN, double speed = 8) =>
        new(T0.AddSeconds(second), double.NaN, double.NaN, altitude, distance, speed, power, hr, 90, double.NaN);

    [Fact]
    public void Short_gap_is_interpolated_and_long_gap_is_a_pause()
    {
        var points = new List<TrackPoint>();
        for (var s = 0; s <= 10; s++)
        {
            points.Add(Sample(s, 100, distance: s * 8, altitude: 100));
        }

        points.Add(Sample(16, 160, distance: 128, altitude: 106)); // 6 s gap: interpolated
        points.Add(Sample(100, 200, distance: 130, altitude: 120)); // 84 s gap: pause
        var r = RideResampler.Resample(points);

        Assert.Equal(101, r.Length);
        Assert.Equal(T0, r.StartUtc);
        Assert.Equal(130, r.Power[13], 9); // 100 + (160 − 100)·3/6
        Assert.Equal(103, r.Altitude[13], 9);
        Assert.True(r.Recorded[13]);
        Assert.True(r.Moving[13]);

        Assert.False(r.Recorded[50]);
        Assert.False(r.Moving[50]);
        Assert.Equal(0, r.Power[50]);
        Assert.Equal(0, r.Cadence[50]);
        Assert.True(double.IsNaN(r.HeartRate[50]));
        Assert.Equal(128, r.Distance[50]); // held
        Assert.Equal(106, r.Altitude[50]);
        Assert.Equal(200, r.Power[100]);

        var recorded = r.Recorded.Count(x => x);
        Assert.Equal(18, recorded); // seconds 0 … 16 and 100
    }

    [Fact]
    public void Duplicates_are_averaged_and_out_of_order_points_are_sorted()
    {
        TrackPoint[] points = [Sample(2, 300), Sample(0, 100), Sample(1, 200), Sample(1, 220), Sample(3, 400)];
        var r = RideResampler.Resample(points);
        Assert.Equal(new double[] { 100, 210, 300, 400 }, r.Power);
    }

    [Fact]
    public void Sub_second_samples_are_bucketed_to_the_nearest_second()
    {
        TrackPoint[] points = [Sample(0, 100), Sample(0.4, 200), Sample(1.0, 300), Sample(1.6, 400)];
        var r = RideResampler.Resample(points);
        Assert.Equal(new double[] { 150, 300, 400 }, r.Power);
    }

    [Fact]
    public void Absent_channels_stay_nan_and_speed_is_derived_from_distance()
    {
        var points = new List<TrackPoint>();
        for (var s = 0; s < 20; s++)
        {
            points.Add(new TrackPoint(T0.AddSeconds(s), double.NaN, double.NaN, double.NaN, s * 5.0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));
        }

        var r = RideResampler.Resample(points);
        Assert.False(r.HasPower);
        Assert.False(r.HasHeartRate);
        Assert.True(r.HasSpeed);
        Assert.Equal(5, r.Speed[10], 9);
        Assert.True(r.Moving[10]);
    }

    [Fact]
    public void Distance_is_derived_from_positions()
    {
        // 0.001° of latitude ≈ 111.2 m per second.
        var points = new List<TrackPoint>();
        for (var s = 0; s < 11; s++)
        {
            points.Add(TrackPoint.At(45 + (s * 0.001), 6, timeUtc: T0.AddSeconds(s)));
        }

        var r = RideResampler.Resample(points);
        Assert.Equal(1111.95, r.Distance[10], 0);
    }

    [Fact]
    public void Points_without_times_are_consecutive_seconds_and_empty_input_is_empty()
    {
        TrackPoint[] points = [new(null, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 100, double.NaN, double.NaN, double.NaN),
            new(null, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 200, double.NaN, double.NaN, double.NaN)];
        var r = RideResampler.Resample(points);
        Assert.Null(r.StartUtc);
        Assert.Equal(new double[] { 100, 200 }, r.Power);
        Assert.Equal(0, RideResampler.Resample([]).Length);
    }

    [Fact]
    public void Explicit_pauses_are_not_recorded_even_with_dense_samples()
    {
        var points = new List<TrackPoint>();
        for (var s = 0; s < 30; s++)
        {
            points.Add(Sample(s, 200));
        }

        // Timer stopped at 10 s, started at 15 s: seconds 11 … 14 are paused.
        var pauses = PauseInterval.FromFitTimerEvents([
            new FitTimerEvent(T0, FitTimerEventKind.Start),
            new FitTimerEvent(T0.AddSeconds(10), FitTimerEventKind.Stop),
            new FitTimerEvent(T0.AddSeconds(15), FitTimerEventKind.Start),
            new FitTimerEvent(T0.AddSeconds(29), FitTimerEventKind.StopAll)]);
        Assert.Equal(new PauseInterval(T0.AddSeconds(10), T0.AddSeconds(15)), Assert.Single(pauses));
        var r = RideResampler.Resample(points, null, pauses);
        Assert.Equal(26, r.Recorded.Count(x => x));
        Assert.False(r.Recorded[11]);
        Assert.False(r.Recorded[14]);
        Assert.True(r.Recorded[10]);
        Assert.True(r.Recorded[15]);
    }

    [Fact]
    public void Power_missing_from_existing_records_is_a_dropout_not_interpolated()
    {
        // Records every second; power absent at 2 … 4: stays NaN (counted as 0 W), HR absent there is interpolated.
        var points = new List<TrackPoint>();
        for (var s = 0; s < 8; s++)
        {
            var missing = s is >= 2 and <= 4;
            points.Add(Sample(s, missing ? double.NaN : 100, hr: missing ? double.NaN : 120 + s));
        }

        var r = RideResampler.Resample(points);
        Assert.True(double.IsNaN(r.Power[3]));
        Assert.Equal(123, r.HeartRate[3], 9);
        var m = RideMetricsCalculator.Compute(r, new AthleteThresholds(200));
        Assert.Equal(500.0 / 8, m.AveragePowerWatts!.Value, 9);
    }
}
