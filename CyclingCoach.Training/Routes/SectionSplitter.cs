using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Routes;

/// <summary>
/// Splits a resampled route into contiguous sections (peers.md §4.2, workout-tracker's climb state machine):
/// <list type="number">
/// <item>Climbs: start where the grade is ≥ start %, continue while ≥ continue %, tolerate a pause (grade below the
/// continue threshold) of up to the max pause length or max drop; keep when long enough with enough net gain. The
/// ends are then moved to the local minimum before and the local maximum after, so a climb runs valley to top.</item>
/// <item>Descents: the same, mirrored, in the stretches between climbs.</item>
/// <item>What is left is flat (ups and downs ≤ the relief limit per km) or rolling, split into pieces no longer than
/// the max flat section length. Leftovers shorter than the minimum section length join the preceding section.</item>
/// </list>
/// Without elevation the route is split by distance only, as <see cref="SectionKind.Unknown"/>.
/// </summary>
internal static class SectionSplitter
{
    public static List<SectionSpan> Split(ResampledRoute route, double[] smoothed, double[] grade, RouteAnalysisOptions o)
    {
        var n = route.Count;
        var result = new List<SectionSpan>();
        if (n < 2)
        {
            return result;
        }

        if (!route.HasElevation)
        {
            AddByLength(result, route.Distance, 0, n - 1, SectionKind.Unknown, o.MaxFlatSectionMeters);
            return result;
        }

        var s = route.Distance;
        var climbs = Detect(smoothed, grade, s, 0, n - 1, 1, o);
        var marked = new List<SectionSpan>();
        var cursor = 0;
        foreach (var (a, b) in climbs)
        {
            foreach (var (da, db) in Detect(smoothed, grade, s, cursor, a, -1, o))
            {
                marked.Add(new SectionSpan(da, db, SectionKind.Descent));
            }

            marked.Add(new SectionSpan(a, b, SectionKind.Climb));
            cursor = b;
        }

        foreach (var (da, db) in Detect(smoothed, grade, s, cursor, n - 1, -1, o))
        {
            marked.Add(new SectionSpan(da, db, SectionKind.Descent));
        }

        // Fill the gaps between marked sections and merge short gaps into the previous section.
        var pos = 0;
        foreach (var m in marked)
        {
            AddGap(result, smoothed, s, pos, m.Start, o);
            // A short gap at the very start has no previous section: the first marked section absorbs it.
            result.Add(result.Count == 0 ? m with { Start = 0 } : m);

            pos = m.End;
        }

        AddGap(result, smoothed, s, pos, n - 1, o, force: result.Count == 0);
        return result;
    }

    private static void AddGap(List<SectionSpan> result, double[] h, double[] s, int a, int b, RouteAnalysisOptions o, bool force = false)
    {
        if (b <= a)
        {
            return;
        }

        if (!force && s[b] - s[a] < o.MinSectionMeters)
        {
            if (result.Count > 0)
            {
                result[^1] = result[^1] with { End = b };
            }

            // No previous section: the next section will start at 0 (see Split).
            return;
        }

        var (gain, loss) = ElevationHysteresis.Compute(h.AsSpan(a, b - a + 1), o.HysteresisMeters);
        var km = (s[b] - s[a]) / 1000;
        var kind = (gain + loss) / km <= o.FlatMaxReliefMetersPerKm ? SectionKind.Flat : SectionKind.Rolling;
        AddByLength(result, s, a, b, kind, o.MaxFlatSectionMeters);
    }

    /// <summary>Adds [a, b] as ⌈length / max⌉ pieces of (nearly) equal length.</summary>
    private static void AddByLength(List<SectionSpan> result, double[] s, int a, int b, SectionKind kind, double max)
    {
        var length = s[b] - s[a];
        var pieces = Math.Max(1, (int)Math.Ceiling((length / max) - 1e-9));
        var start = a;
        for (var p = 1; p <= pieces; p++)
        {
            var end = b;
            if (p < pieces)
            {
                var target = s[a] + (length * p / pieces);
                end = start;
                while (end < b && s[end] < target - 1e-9)
                {
                    end++;
                }
            }

            if (end > start)
            {
                result.Add(new SectionSpan(start, end, kind));
                start = end;
            }
        }
    }

    /// <summary>Climbs (sign +1) or descents (sign −1) within samples [from, to], as index pairs.</summary>
    private static List<(int Start, int End)> Detect(double[] h, double[] g, double[] s, int from, int to, int sign, RouteAnalysisOptions o)
    {
        var found = new List<(int, int)>();
        var start = o.ClimbStartGradePercent / 100;
        var stay = o.ClimbContinueGradePercent / 100;
        var k = from;
        while (k < to)
        {
            if (sign * g[k] < start)
            {
                k++;
                continue;
            }

            var a = k;
            var end = k;
            var top = sign * h[k];
            var j = k + 1;
            while (j <= to)
            {
                var sh = sign * h[j];
                if (sign * g[j] >= stay)
                {
                    end = j;
                    top = Math.Max(top, sh);
                    j++;
                    continue;
                }

                if (s[j] - s[end] > o.ClimbMaxPauseMeters || top - sh > o.ClimbMaxPauseDropMeters)
                {
                    break;
                }

                j++;
            }

            // Move the ends to the local extremes: valley before, top after.
            var lowerBound = found.Count > 0 ? found[^1].Item2 : from;
            while (a > lowerBound && sign * h[a - 1] < sign * h[a])
            {
                a--;
            }

            while (end < to && sign * h[end + 1] > sign * h[end])
            {
                end++;
            }

            var length = s[end] - s[a];
            var gain = sign * (h[end] - h[a]);
            if (length >= o.ClimbMinLengthMeters && gain >= o.ClimbMinGainMeters)
            {
                found.Add((a, end));
            }

            k = Math.Max(end, k + 1);
        }

        return found;
    }
}
