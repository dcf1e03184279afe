namespace CyclingCoach.Training.Science;

/// <summary>
/// Normalized Power (Allen &amp; Coggan; GoldenCheetah "IsoPower", Coggan.cpp#L32-L100): 30 s rolling mean of 1 Hz
/// power, raised to the 4th power, averaged, 4th root. NaN counts as 0 W.
/// <para>
/// Convention: only complete 30 s windows are averaged (the TrainingPeaks/book form), so a constant-power ride has
/// NP = its average. GoldenCheetah instead starts its ring buffer at zero and averages the first 29 partial windows
/// too, which lowers NP slightly on short rides. Rides shorter than 30 s use the single window they have.
/// </para>
/// </summary>
public static class NormalizedPower
{
    public const int WindowSeconds = 30;

    /// <summary>NP of a 1 Hz power series; null when empty.</summary>
    public static double? Compute(ReadOnlySpan<double> power, int windowSeconds = WindowSeconds)
    {
        var n = power.Length;
        if (n == 0)
        {
            return null;
        }

        var w = Math.Min(windowSeconds, n);
        double sum = 0;
        for (var i = 0; i < w; i++)
        {
            sum += Value(power[i]);
        }

        var mean = sum / w;
        var acc = mean * mean * mean * mean;
        var count = 1;
        for (var i = w; i < n; i++)
        {
            sum += Value(power[i]) - Value(power[i - w]);
            mean = sum / w;
            if (mean < 0)
            {
                mean = 0; // floating drift on long zero stretches
            }

            var sq = mean * mean;
            acc += sq * sq;
            count++;
        }

        return Math.Pow(acc / count, 0.25);
    }

    private static double Value(double p) => double.IsNaN(p) ? 0 : p;
}
