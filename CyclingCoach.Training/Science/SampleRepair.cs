namespace CyclingCoach.Training.Science;

/// <summary>
/// Finds implausible samples in 1 Hz streams (sensor spikes, HR dropouts, GPS jumps) and replaces them in a copy used
/// for metrics; the input stays as recorded. Peer model: GoldenCheetah's "Fix Spikes" (power above a ceiling or far
/// above the local median) and "Fix GPS" (speed/position jumps) tools (peers.md). Defaults: <see cref="SampleRepairOptions"/>.
/// <para>Detection (NaN samples are never flagged; paused seconds are 0 W and never above anything):</para>
/// <list type="bullet">
/// <item>Power above the ceiling (2,500 W: above any sprint a power meter records for a non-elite rider; track sprinters
/// should raise it).</item>
/// <item>Power isolated spike: a run of at most 3 consecutive samples, each &gt; 3× the median of the ±15 s window
/// around it and &gt; 1,000 W above that median, whose smallest sample is also &gt; 1,000 W above both samples just
/// outside the run. A real sprint ramps up and lasts longer, so it fails the neighbour or the length test.</item>
/// <item>Heart rate outside 25–250 bpm (0 is a dropout), or differing from the last good sample by more than
/// 20 bpm per second elapsed (a heart does not change that fast; the allowance grows with the gap, so a real new level
/// is accepted after a few seconds).</item>
/// <item>Speed above 30 m/s (108 km/h), or changing faster than 5 g from the last good sample (a GPS jump; at 1 Hz
/// a 5 g step, 49 m/s, is already above the ceiling, so the rule matters for a tighter limit).</item>
/// <item>Altitude changing faster than 20 m/s from the last good sample.</item>
/// </list>
/// <para>Repair (never invents load):</para>
/// <list type="bullet">
/// <item>Power: the mean of the good samples just before and after the run when both exist, else 0 W — never more
/// than the neighbours.</item>
/// <item>Heart rate: linear between the good neighbours when both exist and the run is at most 30 s, else missing
/// (NaN: excluded from averages, as the resampler treats unknown HR).</item>
/// <item>Speed and altitude: linear between the good neighbours; the one neighbour's value at the ends.</item>
/// </list>
/// Pure and allocation-light: a channel is copied only when it has something to repair.
/// </summary>
public static class SampleRepair
{
    public static SampleRepairResult Repair(RideStreams streams, SampleRepairOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var o = options ?? SampleRepairOptions.Default;
        var repairs = new List<SampleRepairEntry>();
        var power = RepairPower(streams.Power, o, repairs);
        var hr = RepairByRate(streams.HeartRate, SampleChannels.HeartRate, o.MinHeartRateBpm, o.MaxHeartRateBpm,
            o.MaxHeartRateChangeBpmPerSecond, o.MaxHeartRateInterpolationSeconds, repairs);
        var speed = RepairByRate(streams.Speed, SampleChannels.Speed, double.NegativeInfinity, o.MaxSpeedMps,
            o.MaxAccelerationMps2, int.MaxValue, repairs);
        var altitude = RepairByRate(streams.Altitude, SampleChannels.Altitude, double.NegativeInfinity, double.PositiveInfinity,
            o.MaxAltitudeChangeMps, int.MaxValue, repairs);
        return repairs.Count == 0
            ? new SampleRepairResult(streams, [])
            : new SampleRepairResult(streams with { Power = power, HeartRate = hr, Speed = speed, Altitude = altitude }, repairs);
    }

    private static double[] RepairPower(double[] p, SampleRepairOptions o, List<SampleRepairEntry> repairs)
    {
        var n = p.Length;
        // Only samples above the spike margin can be spikes, so the window median is computed for those alone.
        bool[]? above = null;
        Span<double> window = stackalloc double[(2 * Math.Max(0, o.PowerWindowSeconds)) + 1];
        for (var i = 0; i < n; i++)
        {
            if (!(p[i] > o.PowerSpikeWatts))
            {
                continue;
            }

            var median = Median(p, i, o.PowerWindowSeconds, window);
            if (p[i] > o.PowerCeilingWatts || (p[i] > o.PowerSpikeRatio * median && p[i] > median + o.PowerSpikeWatts))
            {
                above ??= new bool[n];
                above[i] = true;
            }
        }

        if (above is null)
        {
            return p;
        }

        double[]? copy = null;
        for (var start = 0; start < n;)
        {
            if (!above[start])
            {
                start++;
                continue;
            }

            var end = start;
            while (end + 1 < n && above[end + 1])
            {
                end++;
            }

            var count = end - start + 1;
            double before = Good(p, start - 1), after = Good(p, end + 1), max = 0, min = double.PositiveInfinity;
            var ceiling = false;
            for (var k = start; k <= end; k++)
            {
                max = Math.Max(max, p[k]);
                min = Math.Min(min, p[k]);
                ceiling |= p[k] > o.PowerCeilingWatts;
            }

            var isolated = count <= o.MaxSpikeSeconds
                && min > (double.IsNaN(before) ? 0 : before) + o.PowerSpikeWatts
                && min > (double.IsNaN(after) ? 0 : after) + o.PowerSpikeWatts;
            if (ceiling || isolated)
            {
                var replacement = double.IsNaN(before) || double.IsNaN(after) ? 0 : (before + after) / 2;
                copy ??= (double[])p.Clone();
                copy.AsSpan(start, count).Fill(replacement);
                repairs.Add(new SampleRepairEntry(SampleChannels.Power, start, count, max, replacement,
                    ceiling ? SampleRepairReasons.AboveCeiling : SampleRepairReasons.IsolatedSpike));
            }

            start = end + 1;
        }

        return copy ?? p;
    }

    /// <summary>The sample at <paramref name="i"/>, NaN outside the series.</summary>
    private static double Good(double[] p, int i) => i >= 0 && i < p.Length ? p[i] : double.NaN;

    private static double Median(double[] p, int i, int half, Span<double> buffer)
    {
        var m = 0;
        for (var k = Math.Max(0, i - half); k <= Math.Min(p.Length - 1, i + half); k++)
        {
            buffer[m++] = double.IsNaN(p[k]) ? 0 : p[k];
        }

        var w = buffer[..m];
        w.Sort();
        return (m & 1) == 1 ? w[m / 2] : (w[(m / 2) - 1] + w[m / 2]) / 2;
    }

    /// <summary>
    /// Flags samples outside [min, max] or changing from the last good sample faster than <paramref name="maxRate"/>
    /// per second, then replaces each run linearly between its good neighbours (heart rate: NaN when a neighbour is
    /// missing or the run is longer than <paramref name="maxInterpolation"/>; speed and altitude hold the one
    /// neighbour at the ends).
    /// </summary>
    private static double[] RepairByRate(double[] v, string channel, double min, double max, double maxRate, int maxInterpolation, List<SampleRepairEntry> repairs)
    {
        var n = v.Length;
        bool[]? bad = null;
        bool[]? rate = null;
        var last = -1;
        for (var i = 0; i < n; i++)
        {
            var x = v[i];
            if (double.IsNaN(x))
            {
                continue;
            }

            var outOfRange = x < min || x > max;
            var tooFast = !outOfRange && last >= 0 && Math.Abs(x - v[last]) > maxRate * (i - last);
            if (outOfRange || tooFast)
            {
                bad ??= new bool[n];
                rate ??= new bool[n];
                bad[i] = true;
                rate[i] = tooFast;
            }
            else
            {
                last = i;
            }
        }

        if (bad is null)
        {
            return v;
        }

        var copy = (double[])v.Clone();
        var isHr = channel == SampleChannels.HeartRate;
        for (var start = 0; start < n;)
        {
            if (!bad[start])
            {
                start++;
                continue;
            }

            var end = start;
            var anyRate = rate![start];
            while (end + 1 < n && bad[end + 1])
            {
                end++;
                anyRate |= rate[end];
            }

            var lo = start - 1 >= 0 && !double.IsNaN(v[start - 1]) ? start - 1 : -1;
            var hi = end + 1 < n && !double.IsNaN(v[end + 1]) ? end + 1 : -1;
            var count = end - start + 1;
            double originalMax = double.NegativeInfinity, replacementMax = double.NegativeInfinity;
            var missing = isHr && (lo < 0 || hi < 0 || count > maxInterpolation);
            for (var k = start; k <= end; k++)
            {
                originalMax = Math.Max(originalMax, v[k]);
                copy[k] = missing ? double.NaN
                    : lo >= 0 && hi >= 0 ? v[lo] + ((v[hi] - v[lo]) * (k - lo) / (hi - lo))
                    : lo >= 0 ? v[lo]
                    : hi >= 0 ? v[hi]
                    : double.NaN;
                if (!double.IsNaN(copy[k]))
                {
                    replacementMax = Math.Max(replacementMax, copy[k]);
                }
            }

            repairs.Add(new SampleRepairEntry(channel, start, count, originalMax,
                double.IsNegativeInfinity(replacementMax) ? null : replacementMax,
                anyRate ? SampleRepairReasons.TooFastChange : SampleRepairReasons.OutOfRange));
            start = end + 1;
        }

        return copy;
    }
}
