using CyclingCoach.Training.Model;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Routes;

/// <summary>
/// Analyses a planned route (GPX points): resample at a fixed spacing, smooth the elevation, compute grades over a
/// window, split into climb / descent / rolling / flat sections covering the whole route, and per section estimate
/// the riding time (Martin 1998) and the minimum gear. See <see cref="RouteAnalysisOptions"/> and
/// <see cref="RiderProfile"/> for the defaults, <see cref="SectionSplitter"/> and <see cref="SectionTimeEstimator"/>
/// for the rules. A route without elevation still gets sections (by distance, kind Unknown), with null grades and
/// flat-road times.
/// </summary>
public static class RouteAnalyzer
{
    public static RouteAnalysis Analyze(IReadOnlyList<TrackPoint> points, RiderProfile? rider = null, RouteAnalysisOptions? options = null) =>
        AnalyzeDetailed(points, rider, options).Analysis;

    /// <summary>The analysis with the resampled profile and the sections' sample spans (for the pacing planner).</summary>
    internal static (RouteAnalysis Analysis, PreparedRoute Prepared, IReadOnlyList<SectionSpan> Spans) AnalyzeDetailed(
        IReadOnlyList<TrackPoint> points, RiderProfile? rider, RouteAnalysisOptions? options)
    {
        ArgumentNullException.ThrowIfNull(points);
        rider ??= RiderProfile.Default;
        options ??= RouteAnalysisOptions.Default;
        rider.Validate();
        options.Validate();

        var warnings = new List<string>();
        var prepared = Prepare(points, options, warnings);
        var (route, smoothed, grade, sustained) = prepared;
        var n = route.Count;

        var spans = SectionSplitter.Split(route, smoothed ?? route.Elevation, grade ?? new double[n], options);
        var sections = new RouteSection[spans.Count];
        double totalTime = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            sections[i] = BuildSection(i, spans[i], route, smoothed, grade, sustained, rider, options);
            totalTime += sections[i].EstimatedTimeSeconds;
        }

        double? gain = null, loss = null, min = null, max = null;
        if (smoothed is not null)
        {
            (var g, var l) = ElevationHysteresis.Compute(smoothed, options.HysteresisMeters);
            gain = g;
            loss = l;
            min = smoothed.Min();
            max = smoothed.Max();
        }

        var analysis = new RouteAnalysis(route.Total, route.HasElevation, gain, loss, min, max, totalTime, sections,
            BuildProfile(route, smoothed, grade, options.MaxProfilePoints), rider, options, warnings);
        return (analysis, prepared, spans);
    }

    internal static PreparedRoute Prepare(
        IReadOnlyList<TrackPoint> points, RouteAnalysisOptions options, List<string> warnings)
    {
        var route = RouteResampler.Resample(points, options.SpacingMeters, warnings);
        if (!route.HasElevation)
        {
            return new PreparedRoute(route, null, null, null);
        }

        var radius = (int)Math.Round(options.SmoothingWindowMeters / (2 * options.SpacingMeters));
        var smoothed = ElevationProfileMath.Smooth(route.Elevation, radius);
        var grade = ElevationProfileMath.Grade(smoothed, route.Distance, options.SpacingMeters, options.GradeWindowMeters);
        var sustained = options.SustainedGradeWindowMeters == options.GradeWindowMeters
            ? grade
            : ElevationProfileMath.Grade(smoothed, route.Distance, options.SpacingMeters, options.SustainedGradeWindowMeters);
        return new PreparedRoute(route, smoothed, grade, sustained);
    }

    private static RouteSection BuildSection(int index, SectionSpan span, ResampledRoute route, double[]? h, double[]? grade,
        double[]? sustained, RiderProfile rider, RouteAnalysisOptions o)
    {
        var (a, b) = (span.Start, span.End);
        var s = route.Distance;
        var length = s[b] - s[a];
        var (seconds, power) = SectionTimeEstimator.Estimate(rider, span.Kind, s, h, grade, a, b);

        double? startEle = null, endEle = null, avgGrade = null, maxGrade = null, minGrade = null, gain = null, loss = null;
        double? score = null, fiets = null;
        ClimbCategory? category = null;
        GearRecommendation? gear = null;
        if (h is not null && sustained is not null)
        {
            startEle = h[a];
            endEle = h[b];
            avgGrade = length > 0 ? 100 * (h[b] - h[a]) / length : 0;
            var steepest = a;
            var mx = double.NegativeInfinity;
            var mn = double.PositiveInfinity;
            var top = double.NegativeInfinity;
            for (var k = a; k <= b; k++)
            {
                if (sustained[k] > mx)
                {
                    mx = sustained[k];
                    steepest = k;
                }

                mn = Math.Min(mn, sustained[k]);
                top = Math.Max(top, h[k]);
            }

            maxGrade = 100 * mx;
            minGrade = 100 * mn;
            (var g, var l) = ElevationHysteresis.Compute(h.AsSpan(a, b - a + 1), o.HysteresisMeters);
            gain = g;
            loss = l;
            if (span.Kind == SectionKind.Climb)
            {
                score = ClimbScoring.Score(length, avgGrade.Value);
                category = ClimbScoring.Categorize(score.Value);
                fiets = ClimbScoring.FietsIndex(h[b] - h[a], length, top);
            }

            if (span.Kind != SectionKind.Descent)
            {
                gear = GearSelector.Select(rider, mx, power, h[steepest]);
            }
        }

        return new RouteSection(index, span.Kind, s[a], s[b], length, startEle, endEle, avgGrade, maxGrade, minGrade, gain, loss,
            score, category, fiets, power, seconds, seconds > 0 ? length / seconds : 0, gear,
            Coordinate(route.Latitude[a]), Coordinate(route.Longitude[a]), Coordinate(route.Latitude[b]), Coordinate(route.Longitude[b]));
    }

    private static ProfilePoint[] BuildProfile(ResampledRoute route, double[]? h, double[]? grade, int maxPoints)
    {
        var n = route.Count;
        var stride = Math.Max(1, (int)Math.Ceiling((n - 1) / (double)(maxPoints - 1)));
        var list = new List<ProfilePoint>((n / stride) + 2);
        for (var k = 0; k < n; k += stride)
        {
            list.Add(Point(route, h, grade, k));
        }

        if ((n - 1) % stride != 0)
        {
            list.Add(Point(route, h, grade, n - 1));
        }

        return list.ToArray();
    }

    private static ProfilePoint Point(ResampledRoute route, double[]? h, double[]? grade, int k) =>
        new(route.Distance[k], h?[k], grade is null ? null : 100 * grade[k], Coordinate(route.Latitude[k]), Coordinate(route.Longitude[k]));

    private static double? Coordinate(double value) => double.IsNaN(value) ? null : value;
}
