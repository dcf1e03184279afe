using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Contracts;

namespace CyclingCoach.Coaching.Tests.Analyses;

public sealed class FtpFromRidesTests
{
    private static double Morton(double cp, double wPrime, double k, int seconds) => cp + wPrime / (seconds + k);

    [Fact]
    public void Efforts_on_a_critical_power_curve_give_back_its_CP_taking_each_duration_s_best_ride()
    {
        int[] durations = [60, 120, 300, 600, 1200, 1800];
        var best = durations.Select(d => new MeanMaxPoint(d, Morton(260, 18_000, 25, d))).ToList();
        // Two weaker rides: the envelope must pick the best value per duration, not a ride.
        var weakA = durations.Select(d => new MeanMaxPoint(d, Morton(260, 18_000, 25, d) - (d == 300 ? 40 : 5))).ToList();
        var weakB = best.Select(p => p with { Watts = p.DurationSeconds == 1200 ? p.Watts : p.Watts - 30 }).ToList();
        var estimate = FtpFromRides.Estimate([weakA, weakB.Select((p, i) => i == 2 ? best[2] : p).ToList(), best.Where(p => p.DurationSeconds != 300).ToList()]);
        Assert.NotNull(estimate);
        Assert.Equal("morton", estimate.Method);
        Assert.Equal(260, estimate.FtpWatts, tolerance: 1);
        Assert.Equal(Morton(260, 18_000, 25, 1200), estimate.Best20MinWatts, tolerance: 1e-9);
    }

    [Fact]
    public void With_only_a_20_minute_best_the_estimate_is_95_percent_of_it()
    {
        var estimate = FtpFromRides.Estimate([[new MeanMaxPoint(5, 900), new MeanMaxPoint(1200, 280)]]);
        Assert.NotNull(estimate);
        Assert.Equal("best_20_min", estimate.Method);
        Assert.Equal(266, estimate.FtpWatts); // 0.95 × 280
    }

    [Fact]
    public void Rides_without_efforts_of_20_minutes_or_a_fit_give_no_estimate()
    {
        Assert.Null(FtpFromRides.Estimate([]));
        Assert.Null(FtpFromRides.Estimate([[new MeanMaxPoint(5, 900), new MeanMaxPoint(60, 500)]]));
        Assert.Null(FtpFromRides.Estimate([[new MeanMaxPoint(1200, double.NaN)]]));
    }
}
