using CyclingCoach.Training.Model;

namespace CyclingCoach.Bench.Science;

/// <summary>Seeded synthetic 1 Hz rides for the benchmarks.</summary>
public static class SyntheticRides
{
    /// <summary>A structured outdoor ride: random blocks (endurance, tempo, efforts, coasting) with ±15 % noise.</summary>
    public static double[] StructuredPower(int seconds, int seed)
    {
        var rng = new Random(seed);
        var p = new double[seconds];
        var i = 0;
        while (i < seconds)
        {
            var len = rng.Next(10, 1200);
            var level = rng.NextDouble() < 0.1 ? 0 : 80 + (rng.NextDouble() * 320);
            if (rng.NextDouble() < 0.1)
            {
                level = 400 + (rng.NextDouble() * 300);
                len = rng.Next(10, 300);
            }

            for (var k = 0; k < len && i < seconds; k++, i++)
            {
                p[i] = level == 0 ? 0 : Math.Round(level * (0.85 + (0.3 * rng.NextDouble())));
            }
        }

        return p;
    }

    /// <summary>A steady ERG ride: 200 W ± 5 W noise throughout (the mean-max worst case).</summary>
    public static double[] SteadyPower(int seconds, int seed)
    {
        var rng = new Random(seed);
        var p = new double[seconds];
        for (var i = 0; i < seconds; i++)
        {
            p[i] = 195 + Math.Round(10 * rng.NextDouble());
        }

        return p;
    }

    /// <summary>Heart rate that follows power with a lag.</summary>
    public static double[] HeartRate(double[] power)
    {
        var hr = new double[power.Length];
        var h = 100.0;
        for (var i = 0; i < power.Length; i++)
        {
            var target = 100 + (power[i] * 0.25);
            h += (target - h) / 30;
            hr[i] = Math.Round(h);
        }

        return hr;
    }

    /// <summary>Timestamped points (1 s, with a few 3-5 s gaps and one 10 min stop) for the resampler.</summary>
    public static TrackPoint[] Points(double[] power, double[] hr, int seed)
    {
        var rng = new Random(seed);
        var start = new DateTime(2026, 6, 1, 7, 0, 0, DateTimeKind.Utc);
        var list = new List<TrackPoint>(power.Length);
        var t = 0;
        double distance = 0;
        for (var i = 0; i < power.Length; i++)
        {
            t += rng.NextDouble() < 0.01 ? rng.Next(3, 6) : 1;
            if (i == power.Length / 2)
            {
                t += 600;
            }

            distance += 8;
            list.Add(new TrackPoint(start.AddSeconds(t), 45 + (distance * 1e-6), 6, 300 + (50 * Math.Sin(i / 600.0)), distance, 8,
                power[i], hr[i], 88, 20));
        }

        return list.ToArray();
    }
}
