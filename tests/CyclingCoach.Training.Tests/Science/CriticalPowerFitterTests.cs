using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

public class CriticalPowerFitterTests
{
    [Theory]
    [InlineData(280, 20000, 30)]
    [InlineData(220, 12000, 10)]
    [InlineData(350, 30000, 60)]
    public void Recovers_parameters_from_model_generated_efforts(double cp, double wPrime, double k)
    {
        var t = new List<double>();
        var p = new List<double>();
        for (var d = 120; d <= 1200; d += 30)
        {
            t.Add(d);
            p.Add(cp + (wPrime / (d + k)));
        }

        var fit = CriticalPowerFitter.Fit(t.ToArray(), p.ToArray())!;
        Assert.Equal(cp, fit.CpWatts, 2);
        Assert.Equal(wPrime, fit.WPrimeJoules, 0);
        Assert.Equal(k, fit.KSeconds, 2);
        Assert.Equal(cp + (wPrime / k), fit.PmaxWatts, 0);
        Assert.True(fit.RSquared > 0.999999);
        Assert.True(fit.RootMeanSquareErrorWatts < 1e-3);
    }

    [Fact]
    public void Noisy_efforts_still_fit_within_a_few_percent()
    {
        var rng = new Random(3);
        var t = new List<double>();
        var p = new List<double>();
        for (var d = 120; d <= 1200; d += 10)
        {
            t.Add(d);
            p.Add((260 + (18000 / (d + 25.0))) * (1 + ((rng.NextDouble() - 0.5) * 0.02))); // ±1 %
        }

        var fit = CriticalPowerFitter.Fit(t.ToArray(), p.ToArray())!;
        Assert.InRange(fit.CpWatts, 260 * 0.97, 260 * 1.03);
        Assert.InRange(fit.WPrimeJoules, 18000 * 0.8, 18000 * 1.2);
        Assert.True(fit.RSquared > 0.9);
    }

    [Fact]
    public void Fits_a_mean_max_curve_and_estimates_ftp_from_20_minutes()
    {
        // Ride whose efforts follow CP 270, W' 15000, k 20 for 2-20 min: for each duration d in the grid, one effort of
        // exactly that length, separated by recovery at 100 W, so MMP(d) = model(d) on the grid.
        var blocks = new List<(int, double)>();
        foreach (var d in new[] { 120, 180, 240, 300, 420, 600, 900, 1200 })
        {
            blocks.Add((d, 270 + (15000.0 / (d + 20))));
            blocks.Add((900, 100));
        }

        var curve = MeanMaxPower.Compute(SeriesBuilder.Blocks(blocks.ToArray()));
        var estimate = FtpEstimator.Estimate(curve);
        var p20 = 270 + (15000.0 / 1220);
        Assert.Equal(p20, estimate.Best20MinWatts!.Value, 6);
        Assert.Equal(0.95 * p20, estimate.FromBest20MinWatts!.Value, 6);
        Assert.NotNull(estimate.Morton);
        Assert.InRange(estimate.Morton!.CpWatts, 250, 290);
    }

    [Fact]
    public void Short_rides_have_no_estimate()
    {
        var estimate = FtpEstimator.Estimate(MeanMaxPower.Compute(SeriesBuilder.Blocks((100, 300))));
        Assert.Null(estimate.Best20MinWatts);
        Assert.Null(estimate.FromBest20MinWatts);
        Assert.Null(estimate.Morton);
    }
}
