using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Routes;

/// <summary>
/// Splits a resampled route into contiguous sections (peers.md §4.2, workout-tracker's climb state machine):
/// <list type="number">
/// <item>Climbs: start where the grade is ≥ start %, continue while ≥ continue %, tolerate a pause (grade below the
/// continue threshold) of up to the max pause length or max drop. The end is trimmed back to the last sample at the
/// start grade, then both ends move (at most half a grade window) to the valley before and the top after. Keep when
/// long enough, with enough net gain and a steep enough average (otherwise search again from the next rise through
/// the start grade).</item>
/// <item>Descents: the same, mirrored, in the stretches between climbs.</item>
/// <item>What is left is flat (ups and downs ≤ the relief limit per km and no grade steeper than the flat limit) or
/// rolling, split into pieces no longer than
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
            AddGap(result, smoothed, grade, s, pos, m.Start, o);
            // A short gap at the very start has no previous section: the first marked section absorbs it.
            result.Add(result.Count == 0 ? m with { Start = 0 } : m);

            pos = m.End;
        }

        AddGap(result, smoothed, grade, s, pos, n - 1, o, force: result.Count == 0);
        return result;
    }

    private static void AddGap(List<SectionSpan> result, double[] h, double[] g, double[] s, int a, int b, RouteAnalysisOptions o, bool force = false)
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

        // Split long stretches first, then classify each piece on its own.
        var first = result.Count;
        AddByLength(result, s, a, b, SectionKind.Flat, o.MaxFlatSectionMeters);
        for (var i = first; i < result.Count; i++)
        {
            var piece = result[i];
            result[i] = piece with { Kind = Classify(h, g, s, piece.Start, piece.End, o) };
        }
    }

    private static SectionKind Classify(double[] h, double[] g, double[] s, int a, int b, RouteAnalysisOptions o)
    {
        var (gain, loss) = ElevationHysteresis.Compute(h.AsSpan(a, b - a + 1), o.HysteresisMeters);
        var km = (s[b] - s[a]) / 1000;
        var steepest = 0.0;
        for (var k = a; k <= b; k++)
        {
            steepest = Math.Max(steepest, Math.Abs(g[k]));
        }

        var flat = (gain + loss) / km <= o.FlatMaxReliefMetersPerKm && 100 * steepest < o.FlatMaxGradePercent;
        return flat ? SectionKind.Flat : SectionKind.Rolling;
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

            // Trim the tail to the last sample still at the start grade (so a gentle drag after the top is not
            // absorbed), then move each end at most half a grade window to the local extreme (valley, top): the
            // centred grade window blurs a sharp turning point by that much.
            while (end > a && sign * g[end] < start)
            {
                end--;
            }

            var reach = o.GradeWindowMeters / 2;
            var lowerBound = found.Count > 0 ? found[^1].Item2 : from;
            var a0 = a;
            while (a > lowerBound && sign * h[a - 1] < sign * h[a] && s[a0] - s[a - 1] <= reach)
            {
                a--;
            }

            var e0 = end;
            while (end < to && sign * h[end + 1] > sign * h[end] && s[end + 1] - s[e0] <= reach)
            {
                end++;
            }

            var length = s[end] - s[a];
            var gain = sign * (h[end] - h[a]);
            if (length >= o.ClimbMinLengthMeters && gain >= o.ClimbMinGainMeters && 100 * gain / length >= o.ClimbMinAverageGradePercent)
            {
                found.Add((a, end));
                k = Math.Max(end, k + 1);
                continue;
            }

            // Rejected (too short, too little gain or too gentle on average): look for a steeper climb that starts
            // later inside the same stretch, from the next place where the grade rises through the start threshold.
            k++;
            while (k < to && sign * g[k] >= start)
            {
                k++;
            }
        }

        return found;
    }
}
