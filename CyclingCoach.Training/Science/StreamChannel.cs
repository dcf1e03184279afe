namespace CyclingCoach.Training.Science;

/// <summary>Small helpers over NaN-for-missing channels.</summary>
public static class StreamChannel
{
    public static bool HasAny(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some sample is above 0 (NaN and 0 are not): a sensor channel that measured something.</summary>
    public static bool HasPositive(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (v > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Mean of the non-NaN values where <paramref name="mask"/> is true (all when the mask is empty); null if none.
    /// <paramref name="positiveOnly"/> leaves 0 out too (a heart rate of 0 is a dropout, not a value).
    /// </summary>
    public static double? Mean(ReadOnlySpan<double> values, ReadOnlySpan<bool> mask = default, bool positiveOnly = false)
    {
        double sum = 0;
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v) || (!mask.IsEmpty && !mask[i]) || (positiveOnly && v <= 0))
            {
                continue;
            }

            sum += v;
            n++;
        }

        return n == 0 ? null : sum / n;
    }

    /// <summary>Maximum of the non-NaN values where the mask is true; null if none.</summary>
    public static double? Max(ReadOnlySpan<double> values, ReadOnlySpan<bool> mask = default)
    {
        var max = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (!double.IsNaN(v) && (mask.IsEmpty || mask[i]) && v > max)
            {
                max = v;
            }
        }

        return double.IsNegativeInfinity(max) ? null : max;
    }
}
