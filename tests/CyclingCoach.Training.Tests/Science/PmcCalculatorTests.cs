using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

public class PmcCalculatorTests
{
    private static readonly DateOnly Day0 = new(2026, 1, 1);

    [Fact]
    public void Step_response_reaches_63_percent_after_one_time_constant()
    {
        // Constant load L from zero: X_d = L·(1 − e^(−d/τ)). After τ days: 63.2 % of L.
        var load = Enumerable.Repeat(100.0, 400).ToArray();
        var pmc = PmcCalculator.Compute(Day0, load);
        Assert.Equal(100 * (1 - Math.Exp(-1)), pmc[41].Ctl, 9); // day 42
        Assert.Equal(100 * (1 - Math.Exp(-1)), pmc[6].Atl, 9);  // day 7
        Assert.Equal(100 * (1 - Math.Exp(-400.0 / 42)), pmc[^1].Ctl, 9);
        Assert.Equal(100, pmc[^1].Atl, 3);
        Assert.Equal(Day0.AddDays(41), pmc[41].Date);
    }

    [Fact]
    public void Tsb_uses_previous_day_by_default()
    {
        double[] load = [100, 0, 50];
        var pmc = PmcCalculator.Compute(Day0, load);
        Assert.Equal(0, pmc[0].Tsb); // before any training
        Assert.Equal(pmc[0].Ctl - pmc[0].Atl, pmc[1].Tsb, 12);
        Assert.Equal(pmc[1].Ctl - pmc[1].Atl, pmc[2].Tsb, 12);

        var same = PmcCalculator.Compute(Day0, load, new PmcOptions(Tsb: TsbConvention.SameDay));
        Assert.Equal(same[2].Ctl - same[2].Atl, same[2].Tsb, 12);
    }

    [Fact]
    public void Linear_smoothing_and_seeds()
    {
        var pmc = PmcCalculator.Compute(Day0, [100.0], new PmcOptions(Smoothing: PmcSmoothing.Linear, InitialCtl: 50, InitialAtl: 70));
        Assert.Equal(50 + ((100 - 50) / 42.0), pmc[0].Ctl, 12);
        Assert.Equal(70 + ((100 - 70) / 7.0), pmc[0].Atl, 12);
        Assert.Equal(-20, pmc[0].Tsb, 12);
    }

    [Fact]
    public void Custom_time_constants_and_ramp_rate()
    {
        var load = Enumerable.Repeat(60.0, 30).ToArray();
        var pmc = PmcCalculator.Compute(Day0, load, new PmcOptions(CtlTimeConstantDays: 28, AtlTimeConstantDays: 5));
        Assert.Equal(60 * (1 - Math.Exp(-1)), pmc[27].Ctl, 9);
        Assert.Equal(60 * (1 - Math.Exp(-1)), pmc[4].Atl, 9);
        Assert.Equal(pmc[20].Ctl - pmc[13].Ctl, pmc[20].RampRate, 12);
    }

    [Fact]
    public void Daily_loads_sum_per_day_and_fill_rest_days()
    {
        var loads = PmcCalculator.DailyLoads([(Day0, 50), (Day0, 30), (Day0.AddDays(2), 80), (Day0.AddDays(9), 10)], Day0, Day0.AddDays(3));
        Assert.Equal(new double[] { 80, 0, 80, 0 }, loads);
    }
}
