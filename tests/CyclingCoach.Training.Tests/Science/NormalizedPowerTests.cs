using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

public class NormalizedPowerTests
{
    [Fact]
    public void Constant_power_gives_np_equal_to_average()
    {
        var p = SeriesBuilder.Blocks((3600, 200));
        Assert.Equal(200, NormalizedPower.Compute(p)!.Value, 9);
    }

    [Fact]
    public void Known_interval_set_matches_hand_computation()
    {
        // 600 s at 300 W then 600 s at 100 W. Complete 30 s windows end at t = 29 … 1199 (1171 windows):
        //  - 571 windows (t = 29 … 599) average 300 W;
        //  - 29 windows (t = 600 … 628) hold j = 1 … 29 samples of 100 W: mean = 300 − 200·j/30;
        //  - 571 windows (t = 629 … 1199) average 100 W.
        // NP = ((571·300⁴ + 571·100⁴ + Σ_{j=1..29}(300 − 20j/3)⁴) / 1171)^(1/4) = 252.378 W (average power is 200 W).
        var p = SeriesBuilder.Blocks((600, 300), (600, 100));
        Assert.Equal(252.378, NormalizedPower.Compute(p)!.Value, 3);
    }

    [Fact]
    public void Short_series_uses_its_single_window_and_nan_counts_as_zero()
    {
        // 10 s: 5 × 100 W, 5 × NaN (0 W) -> one window of mean 50 W.
        var p = SeriesBuilder.Blocks((5, 100), (5, double.NaN));
        Assert.Equal(50, NormalizedPower.Compute(p)!.Value, 9);
        Assert.Null(NormalizedPower.Compute([]));
    }

    [Fact]
    public void Np_is_never_below_average_power_on_random_rides()
    {
        var rng = new Random(42);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var p = SeriesBuilder.RandomRide(rng, rng.Next(600, 4 * 3600));
            var np = NormalizedPower.Compute(p)!.Value;
            Assert.True(np >= p.Average() - 1e-9, $"iteration {iteration}: NP {np} < average {p.Average()}");
        }
    }
}
