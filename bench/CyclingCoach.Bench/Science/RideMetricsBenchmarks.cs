using BenchmarkDotNet.Attributes;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Bench.Science;

/// <summary>A 5 h ride at 1 Hz (18 000 samples): target ≤ 20 ms for NP + zones + the full mean-max curve.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class RideMetricsBenchmarks
{
    private const int FiveHours = 5 * 3600;
    private static readonly AthleteThresholds Thresholds = new(250, 165, 190, 50, 75);
    private RideStreams _ride = RideStreams.Empty;
    private double[] _steady = [];
    private TrackPoint[] _points = [];

    [GlobalSetup]
    public void Setup()
    {
        var power = SyntheticRides.StructuredPower(FiveHours, 1);
        var hr = SyntheticRides.HeartRate(power);
        _ride = RideStreams.FromPower(power, hr);
        _steady = SyntheticRides.SteadyPower(FiveHours, 2);
        _points = SyntheticRides.Points(power, hr, 3);
    }

    [Benchmark]
    public double? NormalizedPowerOnly() => NormalizedPower.Compute(_ride.Power);

    [Benchmark]
    public RideMetrics AllRideMetrics() => RideMetricsCalculator.Compute(_ride, Thresholds);

    [Benchmark]
    public MeanMaxCurve MeanMaxFullCurve() => MeanMaxPower.Compute(_ride.Power);

    /// <summary>The target case: every ride metric (NP, IF, TSS, zones, HRSS, decoupling…) plus the full curve.</summary>
    [Benchmark(Baseline = true)]
    public (RideMetrics, MeanMaxCurve) MetricsPlusFullCurve() =>
        (RideMetricsCalculator.Compute(_ride, Thresholds), MeanMaxPower.Compute(_ride.Power));

    /// <summary>Worst case for the mean-max pruning: a steady ERG ride with ±5 W noise.</summary>
    [Benchmark]
    public MeanMaxCurve MeanMaxFullCurveSteadyErg() => MeanMaxPower.Compute(_steady);

    [Benchmark]
    public FtpEstimate FtpFromCurve() => FtpEstimator.Estimate(MeanMaxPower.Compute(_ride.Power));

    [Benchmark]
    public RideStreams ResampleTo1Hz() => RideResampler.Resample(_points);
}
