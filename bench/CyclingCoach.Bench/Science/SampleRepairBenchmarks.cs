using BenchmarkDotNet.Attributes;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Bench.Science;

/// <summary>
/// Spike detection and repair (SampleRepair) over a 5 h ride at 1 Hz with power, HR, speed and altitude: target
/// ≤ 2 ms. Clean: nothing found (the common case, no copy). Spiky: 40 planted 21,733 W power spikes, 20 HR dropouts
/// of 5 s and 10 GPS speed jumps (every channel copied and repaired). No job attribute: run it with
/// <c>--job short --inProcess</c> (bench/RESULTS.md), which needs no generated project.
/// </summary>
[MemoryDiagnoser]
public class SampleRepairBenchmarks
{
    private const int FiveHours = 5 * 3600;
    private RideStreams _clean = RideStreams.Empty;
    private RideStreams _spiky = RideStreams.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var power = SyntheticRides.StructuredPower(FiveHours, 1);
        var hr = SyntheticRides.HeartRate(power);
        _clean = RideResampler.Resample(SyntheticRides.Points(power, hr, 3));
        _spiky = _clean with { Power = (double[])_clean.Power.Clone(), HeartRate = (double[])_clean.HeartRate.Clone(), Speed = (double[])_clean.Speed.Clone() };
        var rng = new Random(4);
        for (var k = 0; k < 40; k++)
        {
            _spiky.Power[rng.Next(60, _spiky.Length - 60)] = 21_733;
        }

        for (var k = 0; k < 20; k++)
        {
            _spiky.HeartRate.AsSpan(rng.Next(60, _spiky.Length - 60), 5).Fill(0);
        }

        for (var k = 0; k < 10; k++)
        {
            _spiky.Speed[rng.Next(60, _spiky.Length - 60)] = 80;
        }
    }

    [Benchmark(Baseline = true)]
    public SampleRepairResult CleanRide() => SampleRepair.Repair(_clean);

    [Benchmark]
    public SampleRepairResult SpikyRide() => SampleRepair.Repair(_spiky);
}
