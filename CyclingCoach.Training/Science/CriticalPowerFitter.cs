namespace CyclingCoach.Training.Science;

/// <summary>
/// Least-squares fit of the Morton 3-parameter model P(t) = CP + W′/(t + k) (peers.md §2.9) to maximal efforts.
/// <para>
/// Method (variable projection): for a fixed k the model is linear in CP and W′, so they have a closed-form least
/// squares solution; the remaining one-dimensional problem in k is solved by a log-spaced grid (0.5 s … 1200 s)
/// followed by golden-section refinement. This is deterministic, needs no starting values and always returns the
/// global optimum of the grid neighbourhood. GoldenCheetah fits points between 2 and 20 min (PDModel.cpp#L226-L257).
/// </para>
/// </summary>
public static class CriticalPowerFitter
{
    public const int DefaultMinSeconds = 120;
    public const int DefaultMaxSeconds = 1200;

    /// <summary>
    /// Fits the mean-max curve between <paramref name="minSeconds"/> and <paramref name="maxSeconds"/>, sampled every
    /// <paramref name="stepSeconds"/> so that the long end does not outweigh the short end. Null when the ride is
    /// shorter than <paramref name="minSeconds"/> + 3 points or the fit is degenerate.
    /// </summary>
    public static CriticalPowerModel? Fit(MeanMaxCurve curve, int minSeconds = DefaultMinSeconds, int maxSeconds = DefaultMaxSeconds, int stepSeconds = 10)
    {
        ArgumentNullException.ThrowIfNull(curve);
        maxSeconds = Math.Min(maxSeconds, curve.MaxDurationSeconds);
        if (maxSeconds < minSeconds || stepSeconds < 1)
        {
            return null;
        }

        var durations = new List<double>();
        var powers = new List<double>();
        for (var d = minSeconds; d <= maxSeconds; d += stepSeconds)
        {
            durations.Add(d);
            powers.Add(curve.Watts[d - 1]);
        }

        return Fit(durations.ToArray(), powers.ToArray());
    }

    /// <summary>Fits (duration s, power W) points. Null with fewer than 3 points or a degenerate fit (CP or W′ ≤ 0).</summary>
    public static CriticalPowerModel? Fit(ReadOnlySpan<double> durationsSeconds, ReadOnlySpan<double> powersWatts)
    {
        if (durationsSeconds.Length != powersWatts.Length)
        {
            throw new ArgumentException("Durations and powers must have the same length.");
        }

        var n = durationsSeconds.Length;
        if (n < 3)
        {
            return null;
        }

        var t = durationsSeconds.ToArray();
        var p = powersWatts.ToArray();

        // Grid over k (log spaced), then golden section around the best grid point.
        const int gridSize = 80;
        const double kMin = 0.5, kMax = 1200;
        var bestK = kMin;
        var bestSse = double.PositiveInfinity;
        var bestIndex = 0;
        var ratio = Math.Pow(kMax / kMin, 1.0 / (gridSize - 1));
        for (var i = 0; i < gridSize; i++)
        {
            var k = kMin * Math.Pow(ratio, i);
            var sse = Solve(t, p, k, out _, out _);
            if (sse < bestSse)
            {
                bestSse = sse;
                bestK = k;
                bestIndex = i;
            }
        }

        var lo = kMin * Math.Pow(ratio, Math.Max(0, bestIndex - 1));
        var hi = kMin * Math.Pow(ratio, Math.Min(gridSize - 1, bestIndex + 1));
        var g = (Math.Sqrt(5) - 1) / 2;
        var x1 = hi - (g * (hi - lo));
        var x2 = lo + (g * (hi - lo));
        var f1 = Solve(t, p, x1, out _, out _);
        var f2 = Solve(t, p, x2, out _, out _);
        for (var it = 0; it < 100 && hi - lo > 1e-9 * hi; it++)
        {
            if (f1 < f2)
            {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - (g * (hi - lo));
                f1 = Solve(t, p, x1, out _, out _);
            }
            else
            {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + (g * (hi - lo));
                f2 = Solve(t, p, x2, out _, out _);
            }
        }

        var kFit = f1 < f2 ? x1 : x2;
        var sseFit = Solve(t, p, kFit, out var cp, out var wPrime);
        if (sseFit > bestSse)
        {
            kFit = bestK;
            sseFit = Solve(t, p, kFit, out cp, out wPrime);
        }

        if (!(cp > 0) || !(wPrime > 0))
        {
            return null;
        }

        double mean = 0;
        foreach (var v in p)
        {
            mean += v;
        }

        mean /= n;
        double sst = 0;
        foreach (var v in p)
        {
            sst += (v - mean) * (v - mean);
        }

        var r2 = sst > 0 ? 1 - (sseFit / sst) : 1.0;
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var d in t)
        {
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        }

        return new CriticalPowerModel(cp, wPrime, kFit, cp + (wPrime / kFit), Math.Sqrt(sseFit / n), r2, n, (int)min, (int)max);
    }

    /// <summary>Linear least squares of P = CP + W′·x with x = 1/(t + k); returns the sum of squared errors.</summary>
    private static double Solve(double[] t, double[] p, double k, out double cp, out double wPrime)
    {
        var n = t.Length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var x = 1.0 / (t[i] + k);
            sx += x;
            sy += p[i];
            sxx += x * x;
            sxy += x * p[i];
        }

        var det = (n * sxx) - (sx * sx);
        if (Math.Abs(det) < 1e-300)
        {
            cp = sy / n;
            wPrime = 0;
        }
        else
        {
            wPrime = ((n * sxy) - (sx * sy)) / det;
            cp = (sy - (wPrime * sx)) / n;
        }

        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var r = p[i] - (cp + (wPrime / (t[i] + k)));
            sse += r * r;
        }

        return sse;
    }
}
