namespace CyclingCoach.Training.Science;

/// <summary>
/// Exact mean-max power curve for every duration (peers.md §2.7: MMP(d) = max_t mean(P[t..t+d−1])), and the
/// best-effort envelope over many rides.
/// <para>
/// Algorithm: prefix sums E (integrated energy, as GoldenCheetah's MeanMaxComputer does) make any window sum
/// E[t+d] − E[t]. For each d a lower bound comes from extending the previous duration's best window by one second;
/// start positions are then searched branch-and-bound: because power ≥ 0, every window of length d starting in
/// [a, a+b) lies inside [a, a+b−1+d), so E[a+b−1+d] − E[a] bounds the whole block and blocks that cannot beat the
/// current best are skipped; surviving blocks are halved until they are small enough to scan. The result is exact;
/// on real rides only a small fraction of the n·(n+1)/2 windows is evaluated (worst case, a perfectly constant
/// series, degrades towards the naive scan).
/// </para>
/// Power is read as 1 Hz; NaN and negative values count as 0 W (a pause in <see cref="RideStreams"/> is already 0).
/// </summary>
public static class MeanMaxPower
{
    private const int TopBlock = 256;
    private const int Leaf = 16;

    public static MeanMaxCurve Compute(RideStreams streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        return streams.HasPower ? Compute(streams.Power) : MeanMaxCurve.Empty;
    }

    public static MeanMaxCurve Compute(ReadOnlySpan<double> power)
    {
        var n = power.Length;
        if (n == 0)
        {
            return MeanMaxCurve.Empty;
        }

        var e = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            var p = power[i];
            e[i + 1] = e[i] + (double.IsNaN(p) || p < 0 ? 0 : p);
        }

        var watts = new double[n];
        var starts = new int[n];
        var stack = new int[128];
        var arg = 0;
        for (var d = 1; d <= n; d++)
        {
            var lastStart = n - d; // inclusive
            // Lower bound: extend the previous best window to the right or to the left.
            var a1 = Math.Min(arg, lastStart);
            var best = e[a1 + d] - e[a1];
            var bestArg = a1;
            if (arg - 1 >= 0 && arg - 1 <= lastStart)
            {
                var s = e[arg - 1 + d] - e[arg - 1];
                if (s > best)
                {
                    best = s;
                    bestArg = arg - 1;
                }
            }

            for (var top = 0; top <= lastStart; top += TopBlock)
            {
                var sp = 0;
                stack[sp++] = top;
                stack[sp++] = TopBlock;
                while (sp > 0)
                {
                    var size = stack[--sp];
                    var a = stack[--sp];
                    var end = Math.Min(a + size, lastStart + 1); // exclusive
                    if (e[end - 1 + d] - e[a] <= best)
                    {
                        continue;
                    }

                    if (end - a <= Leaf)
                    {
                        for (var t = a; t < end; t++)
                        {
                            var s = e[t + d] - e[t];
                            if (s > best)
                            {
                                best = s;
                                bestArg = t;
                            }
                        }

                        continue;
                    }

                    var halfSize = size >> 1;
                    if (sp + 4 > stack.Length)
                    {
                        Array.Resize(ref stack, stack.Length * 2);
                    }

                    // Push the right half first so the left half is searched first.
                    if (a + halfSize < end)
                    {
                        stack[sp++] = a + halfSize;
                        stack[sp++] = halfSize;
                    }

                    stack[sp++] = a;
                    stack[sp++] = halfSize;
                }
            }

            watts[d - 1] = best / d;
            starts[d - 1] = bestArg;
            arg = bestArg;
        }

        return new MeanMaxCurve(watts, starts);
    }

    /// <summary>
    /// Best efforts across rides: for each duration the highest value of any curve, with the index of the curve it
    /// came from in <see cref="MeanMaxCurve.SourceIndex"/> (ties keep the earliest curve).
    /// </summary>
    public static MeanMaxCurve Envelope(IReadOnlyList<MeanMaxCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var max = 0;
        foreach (var c in curves)
        {
            max = Math.Max(max, c.Watts.Length);
        }

        var watts = new double[max];
        var starts = new int[max];
        var source = new int[max];
        source.AsSpan().Fill(-1);
        for (var k = 0; k < curves.Count; k++)
        {
            var c = curves[k];
            for (var i = 0; i < c.Watts.Length; i++)
            {
                if (source[i] < 0 || c.Watts[i] > watts[i])
                {
                    watts[i] = c.Watts[i];
                    starts[i] = c.StartSeconds[i];
                    source[i] = k;
                }
            }
        }

        return new MeanMaxCurve(watts, starts, source);
    }
}
