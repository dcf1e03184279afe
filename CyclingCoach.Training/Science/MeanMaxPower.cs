using System.Numerics;
using System.Runtime.InteropServices;

namespace CyclingCoach.Training.Science;

/// <summary>
/// Exact mean-max power curve for every duration (peers.md §2.7: MMP(d) = max_t mean(P[t..t+d−1])), and the
/// best-effort envelope over many rides.
/// <para>
/// Algorithm: prefix sums E (integrated energy, as GoldenCheetah's MeanMaxComputer does) make any window sum
/// E[t+d] − E[t]. For each d a lower bound comes from extending the previous duration's best window by one second;
/// start positions are then searched branch-and-bound: because power ≥ 0, every window of length d starting in
/// [a, a+b) lies inside [a, a+b−1+d), so E[a+b−1+d] − E[a] bounds the whole block and blocks that cannot beat the
/// current best are skipped (first 512-wide, then 64-wide blocks); surviving blocks are scanned with SIMD. Two more
/// bounds keep steady rides cheap: the windows' common part plus the largest sample in the parts that differ, and
/// the same sum written on the detrended energy F(i) = E(i) − c·i (c = average power):
/// E[t+d] − E[t] = c·d + F(t+d) − F(t) ≤ c·d + max F(t+d) − min F(t). The result is exact; on real rides only a small
/// fraction of the n·(n+1)/2 windows is evaluated.
/// </para>
/// Power is read as 1 Hz; NaN and negative values count as 0 W (a pause in <see cref="RideStreams"/> is already 0).
/// </summary>
public static class MeanMaxPower
{
    private const int TopShift = 9;
    private const int Shift = 6;
    private const int TopBlock = 1 << TopShift; // 512
    private const int Block = 1 << Shift; // 64

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

        var e = PrefixSums(power);
        var max64 = BlockMaxima(e, Shift);
        var max512 = BlockMaxima(e, TopShift);
        var trend = e[n] / n;
        var f64 = new DetrendedExtremes(e, trend, Shift);
        var f512 = new DetrendedExtremes(e, trend, TopShift);
        var watts = new double[n];
        var starts = new int[n];
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

            var bestBlock = -1;
            // Two-level branch and bound over start positions: 512-wide blocks, then 64-wide blocks, then a scan.
            for (var top = 0; top <= lastStart; top += TopBlock)
            {
                var topEnd = Math.Min(top + TopBlock, lastStart + 1);
                if (Math.Min(UpperBound(e, max512, TopShift, top, topEnd, d), f512.UpperBound(top, topEnd, d)) <= best)
                {
                    continue;
                }

                for (var a = top; a < topEnd; a += Block)
                {
                    var end = Math.Min(a + Block, topEnd);
                    if (Math.Min(UpperBound(e, max64, Shift, a, end, d), f64.UpperBound(a, end, d)) <= best)
                    {
                        continue;
                    }

                    var blockBest = BlockMax(e, a, end, d);
                    if (blockBest > best)
                    {
                        best = blockBest;
                        bestBlock = a;
                    }
                }
            }

            if (bestBlock >= 0)
            {
                // Locate the start inside the winning block (first one reaching the maximum).
                var end = Math.Min(bestBlock + Block, lastStart + 1);
                for (var t = bestBlock; t < end; t++)
                {
                    if (e[t + d] - e[t] >= best)
                    {
                        bestArg = t;
                        break;
                    }
                }
            }

            watts[d - 1] = best / d;
            starts[d - 1] = bestArg;
            arg = bestArg;
        }

        return new MeanMaxCurve(watts, starts);
    }

    /// <summary>
    /// The curve at <paramref name="durationsSeconds"/> only (those the ride reaches): the same values as
    /// <c>Compute(power).Sample(durationsSeconds)</c>, each duration found by one vectorised pass over the prefix sums
    /// (O(n) a duration), for callers that keep a few durations and not the whole curve (the importer: ≈ 30 of 3,600).
    /// </summary>
    public static IReadOnlyList<(int Seconds, double Watts)> Sample(ReadOnlySpan<double> power, IEnumerable<int> durationsSeconds)
    {
        ArgumentNullException.ThrowIfNull(durationsSeconds);
        var n = power.Length;
        var result = new List<(int, double)>();
        if (n == 0)
        {
            return result;
        }

        var e = PrefixSums(power);
        foreach (var d in durationsSeconds)
        {
            if (d >= 1 && d <= n)
            {
                result.Add((d, BlockMax(e, 0, n - d + 1, d) / d));
            }
        }

        return result;
    }

    /// <summary>E[i] = energy of the first i seconds (NaN and negative samples count as 0 W).</summary>
    private static double[] PrefixSums(ReadOnlySpan<double> power)
    {
        var e = new double[power.Length + 1];
        for (var i = 0; i < power.Length; i++)
        {
            var p = power[i];
            e[i + 1] = e[i] + (double.IsNaN(p) || p < 0 ? 0 : p);
        }

        return e;
    }

    /// <summary>
    /// Upper bound on e[t + d] − e[t] for t in [a, end) (a aligned to 2^<paramref name="shift"/>, end − a ≤ 2^shift):
    /// the smaller of (1) the sum over [a, end − 1 + d), which contains every window, and (2) the common part
    /// [end − 1, a + d) of all windows plus (end − a − 1) samples at most the largest power in the parts that differ.
    /// (2) is what makes steady rides cheap: for a constant series it equals the window sum itself.
    /// </summary>
    private static double UpperBound(double[] e, double[] blockMax, int shift, int a, int end, int d)
    {
        var bound = e[end - 1 + d] - e[a];
        var m = end - a;
        if (d >= m - 1 && m > 1)
        {
            var last = blockMax.Length - 1;
            var flank = Math.Max(blockMax[a >> shift], blockMax[Math.Min((a + d) >> shift, last)]);
            flank = Math.Max(flank, blockMax[Math.Min((a + d + m - 2) >> shift, last)]);
            var common = e[a + d] - e[end - 1];
            bound = Math.Min(bound, common + ((m - 1) * flank));
        }

        return bound;
    }

    /// <summary>Largest sample in each aligned block of 2^<paramref name="shift"/> samples (from the prefix sums).</summary>
    private static double[] BlockMaxima(double[] e, int shift)
    {
        var n = e.Length - 1;
        var result = new double[((n - 1) >> shift) + 1];
        for (var i = 0; i < n; i++)
        {
            var p = e[i + 1] - e[i];
            if (p > result[i >> shift])
            {
                result[i >> shift] = p;
            }
        }

        return result;
    }

    /// <summary>max over t in [a, end) of e[t + d] − e[t], vectorised.</summary>
    private static double BlockMax(double[] e, int a, int end, int d)
    {
        ref var e0 = ref MemoryMarshal.GetArrayDataReference(e);
        var width = Vector<double>.Count;
        var max = double.NegativeInfinity;
        var t = a;
        if (Vector.IsHardwareAccelerated && end - a >= width)
        {
            var vmax = new Vector<double>(double.NegativeInfinity);
            for (; t <= end - width; t += width)
            {
                var hi = Vector.LoadUnsafe(ref e0, (nuint)(t + d));
                var lo = Vector.LoadUnsafe(ref e0, (nuint)t);
                vmax = Vector.Max(vmax, hi - lo);
            }

            for (var k = 0; k < width; k++)
            {
                max = Math.Max(max, vmax[k]);
            }
        }

        for (; t < end; t++)
        {
            max = Math.Max(max, e[t + d] - e[t]);
        }

        return max;
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

    /// <summary>Per-block maximum and minimum of F(i) = E(i) − c·i over aligned blocks of 2^shift indices.</summary>
    private readonly struct DetrendedExtremes
    {
        private readonly double[] _max;
        private readonly double[] _min;
        private readonly double _trend;
        private readonly double _slack;
        private readonly int _shift;

        public DetrendedExtremes(double[] e, double trend, int shift)
        {
            _trend = trend;
            _shift = shift;
            _slack = 1e-9 * (1 + e[^1]); // rounding guard: the bound must never fall below a true window sum
            var blocks = ((e.Length - 1) >> shift) + 1;
            _max = new double[blocks];
            _min = new double[blocks];
            _max.AsSpan().Fill(double.NegativeInfinity);
            _min.AsSpan().Fill(double.PositiveInfinity);
            for (var i = 0; i < e.Length; i++)
            {
                var f = e[i] - (trend * i);
                var b = i >> shift;
                if (f > _max[b])
                {
                    _max[b] = f;
                }

                if (f < _min[b])
                {
                    _min[b] = f;
                }
            }
        }

        /// <summary>Bound on E[t+d] − E[t] for t in [a, end), a aligned to the block size.</summary>
        public double UpperBound(int a, int end, int d)
        {
            var last = _max.Length - 1;
            var hi = Math.Max(_max[(a + d) >> _shift], _max[Math.Min((end - 1 + d) >> _shift, last)]);
            return (_trend * d) + hi - _min[a >> _shift] + _slack;
        }
    }
}
