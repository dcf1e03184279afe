namespace CyclingCoach.Training.Routes;

/// <summary>Smoothing and windowed grade on an evenly spaced elevation profile.</summary>
internal static class ElevationProfileMath
{
    /// <summary>
    /// Centred moving average with <paramref name="radius"/> samples each side; near the ends the window shrinks
    /// symmetrically, so a straight-line profile is returned unchanged.
    /// </summary>
    public static double[] Smooth(double[] h, int radius)
    {
        var n = h.Length;
        var result = new double[n];
        if (radius <= 0)
        {
            Array.Copy(h, result, n);
            return result;
        }

        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + h[i];
        }

        for (var i = 0; i < n; i++)
        {
            var r = Math.Min(radius, Math.Min(i, n - 1 - i));
            result[i] = (prefix[i + r + 1] - prefix[i - r]) / ((2 * r) + 1);
        }

        return result;
    }

    /// <summary>
    /// Grade (fraction) at each sample over a centred window of <paramref name="windowMeters"/>, clamped to the route:
    /// (h(s + W/2) − h(s − W/2)) / W, with h interpolated linearly.
    /// </summary>
    public static double[] Grade(double[] h, double[] s, double spacing, double windowMeters)
    {
        var n = h.Length;
        var g = new double[n];
        if (n < 2)
        {
            return g;
        }

        var total = s[^1];
        var half = windowMeters / 2;
        for (var k = 0; k < n; k++)
        {
            var lo = Math.Max(0, s[k] - half);
            var hi = Math.Min(total, s[k] + half);
            g[k] = hi > lo ? (At(h, s, spacing, hi) - At(h, s, spacing, lo)) / (hi - lo) : 0;
        }

        return g;
    }

    /// <summary>Elevation at distance x on an evenly spaced profile (the last step may be shorter).</summary>
    public static double At(double[] h, double[] s, double spacing, double x)
    {
        var n = h.Length;
        var i = Math.Min((int)(x / spacing), n - 2);
        var d0 = s[i];
        var d1 = s[i + 1];
        var f = d1 > d0 ? Math.Clamp((x - d0) / (d1 - d0), 0, 1) : 0;
        return h[i] + ((h[i + 1] - h[i]) * f);
    }
}
