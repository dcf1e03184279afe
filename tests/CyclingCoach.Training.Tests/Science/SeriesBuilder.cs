namespace CyclingCoach.Training.Tests.Science;

/// <summary>Builds 1 Hz test series from (seconds, value) blocks and seeded random rides.</summary>
internal static class SeriesBuilder
{
    public static double[] Blocks(params (int Seconds, double Value)[] blocks)
    {
        var list = new List<double>();
        foreach (var (seconds, value) in blocks)
        {
            for (var i = 0; i < seconds; i++)
            {
                list.Add(value);
            }
        }

        return list.ToArray();
    }

    /// <summary>A ride of random intervals (10 s … 20 min, 0 … 700 W) with ±15 % noise and some coasting zeros.</summary>
    public static double[] RandomRide(Random rng, int seconds)
    {
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
                p[i] = level == 0 ? 0 : Math.Max(0, Math.Round(level * (0.85 + (0.3 * rng.NextDouble()))));
            }
        }

        return p;
    }
}
