using BenchmarkDotNet.Attributes;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Bench.Science;

/// <summary>CTL/ATL/TSB over 10 years of daily load: target ≤ 5 ms.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class PmcBenchmarks
{
    private static readonly DateOnly FirstDay = new(2016, 1, 1);
    private double[] _loads = [];
    private (DateOnly, double)[] _rides = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(4);
        _loads = new double[3653];
        var rides = new List<(DateOnly, double)>();
        for (var d = 0; d < _loads.Length; d++)
        {
            if (rng.NextDouble() < 0.7)
            {
                _loads[d] = 30 + (rng.NextDouble() * 150);
                rides.Add((FirstDay.AddDays(d), _loads[d]));
            }
        }

        _rides = rides.ToArray();
    }

    [Benchmark(Baseline = true)]
    public PmcDay[] TenYears() => PmcCalculator.Compute(FirstDay, _loads);

    [Benchmark]
    public PmcDay[] TenYearsFromRideList() =>
        PmcCalculator.Compute(FirstDay, PmcCalculator.DailyLoads(_rides, FirstDay, FirstDay.AddDays(3652)));
}
