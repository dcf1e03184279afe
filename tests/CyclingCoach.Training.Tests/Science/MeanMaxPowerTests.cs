using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

public class MeanMaxPowerTests
{
    [Fact]
    public void Known_series_by_hand()
    {
        // [100, 300, 200, 0, 400]:
        // 1 s: 400; 2 s: max(400, 500, 200, 400)/2 = 250; 3 s: max(600, 500, 600)/3 = 200;
        // 4 s: max(600, 900)/4 = 225 (longer can beat shorter: the exact curve is not monotone); 5 s: 1000/5 = 200.
        var c = MeanMaxPower.Compute([100, 300, 200, 0, 400]);
        Assert.Equal(new double[] { 400, 250, 200, 225, 200 }, c.Watts);
        Assert.Equal(4, c.StartSeconds[0]);
        Assert.Equal(1, c.StartSeconds[3]);
        // The "at least d seconds" curve is non-increasing.
        Assert.Equal(new double[] { 400, 250, 225, 225, 200 }, c.ToNonIncreasing().Watts);
    }

    [Fact]
    public void Matches_brute_force_on_random_rides()
    {
        var rng = new Random(7);
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var p = SeriesBuilder.RandomRide(rng, rng.Next(1, 2500));
            if (iteration % 5 == 0)
            {
                Array.Fill(p, 180.0); // constant stretches: the worst case for pruning
            }
            else if (iteration % 5 == 1)
            {
                for (var i = 0; i < p.Length; i++)
                {
                    p[i] = 195 + Math.Round(10 * rng.NextDouble()); // a noisy ERG ride
                }
            }

            var fast = MeanMaxPower.Compute(p);
            var slow = BruteForce(p);
            for (var d = 0; d < p.Length; d++)
            {
                Assert.Equal(slow[d], fast.Watts[d], 6);
                var start = fast.StartSeconds[d];
                Assert.Equal(slow[d], p.AsSpan(start, d + 1).ToArray().Average(), 6);
            }
        }
    }

    [Fact]
    public void Sample_at_chosen_durations_equals_the_whole_curve_there()
    {
        var rng = new Random(23);
        for (var ride = 0; ride < 40; ride++)
        {
            var p = SeriesBuilder.RandomRide(rng, rng.Next(1, 4000));
            p[rng.Next(p.Length)] = double.NaN; // counted as 0 W on both paths
            var durations = MeanMaxCurve.StandardDurations.Append(p.Length).Append(0).Append(p.Length + 1).ToList();
            var expected = MeanMaxPower.Compute(p).Sample(durations);
            var actual = MeanMaxPower.Sample(p, durations);
            Assert.Equal(expected, actual); // bit for bit: the importer stores these values
        }

        Assert.Empty(MeanMaxPower.Sample([], [1, 5]));
    }

    [Fact]
    public void Best_work_grows_with_duration_and_halving_never_lowers_power()
    {
        // True properties of the exact curve: d·MMP(d) is non-decreasing (power ≥ 0) and MMP(d) ≥ MMP(2d)
        // (one half of the best 2d window averages at least as much). The at-least-d curve is non-increasing.
        var rng = new Random(11);
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var p = SeriesBuilder.RandomRide(rng, rng.Next(100, 3 * 3600));
            var c = MeanMaxPower.Compute(p);
            var mono = c.ToNonIncreasing();
            for (var d = 1; d < c.Watts.Length; d++)
            {
                Assert.True((d + 1) * c.Watts[d] >= (d * c.Watts[d - 1]) - 1e-6);
                Assert.True(mono.Watts[d] <= mono.Watts[d - 1]);
                Assert.True(mono.Watts[d] >= c.Watts[d]);
                if (2 * d <= c.Watts.Length)
                {
                    Assert.True(c.Watts[d - 1] >= c.Watts[(2 * d) - 1] - 1e-6);
                }
            }
        }
    }

    [Fact]
    public void Envelope_takes_the_best_ride_per_duration()
    {
        var a = MeanMaxPower.Compute(SeriesBuilder.Blocks((60, 400), (600, 200)));
        var b = MeanMaxPower.Compute(SeriesBuilder.Blocks((1200, 280)));
        var env = MeanMaxPower.Envelope([a, b]);
        Assert.Equal(1200, env.MaxDurationSeconds);
        Assert.Equal(400, env.PowerAt(60));
        Assert.Equal(0, env.SourceIndex![59]);
        Assert.Equal(280, env.PowerAt(600));
        Assert.Equal(1, env.SourceIndex[599]);
        Assert.Null(env.PowerAt(1201));
        var sampled = env.Sample(MeanMaxCurve.StandardDurations);
        Assert.Equal((60, 400.0), sampled.Single(x => x.Seconds == 60));
        Assert.Equal(1200, sampled[^1].Seconds);
    }

    private static double[] BruteForce(double[] p)
    {
        var e = new double[p.Length + 1];
        for (var i = 0; i < p.Length; i++)
        {
            e[i + 1] = e[i] + p[i];
        }

        var result = new double[p.Length];
        for (var d = 1; d <= p.Length; d++)
        {
            var best = double.NegativeInfinity;
            for (var t = 0; t + d <= p.Length; t++)
            {
                best = Math.Max(best, e[t + d] - e[t]);
            }

            result[d - 1] = best / d;
        }

        return result;
    }
}
