using CyclingCoach.ServiceDefaults;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Routes.Model;
using CyclingCoach.Training.Routes;

namespace CyclingCoach.Routes.Analysis;

/// <summary>
/// Runs Training's <see cref="RouteAnalyzer"/> on a route's points and writes the result onto a
/// <see cref="StoredRoute"/>: totals, sections, a simplified GeoJSON track and the chart profile.
/// </summary>
public static class RouteEstimator
{
    /// <summary>Most points in the map track and in the elevation profile.</summary>
    public const int MaxTrackPoints = 500;
    public const int MaxProfilePoints = 500;

    private static readonly RouteAnalysisOptions Options = RouteAnalysisOptions.Default with { MaxProfilePoints = MaxProfilePoints };
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteAnalysis Analyze(GpxRouteReader.GpxRoutePoints points, RiderProfile rider) => Analyze(points.Points, rider);

    public static RouteAnalysis Analyze(IReadOnlyList<Training.Model.TrackPoint> points, RiderProfile rider) =>
        RouteAnalyzer.Analyze(points, rider, Options);

    /// <summary>The pacing plan with the same analysis settings as the stored sections.</summary>
    public static PacingPlan Pace(IReadOnlyList<Training.Model.TrackPoint> points, RiderProfile rider) => PacingPlanner.Plan(points, rider, Options);

    /// <summary>Copies a first analysis onto the route: totals, sections, the map track and the chart profile.</summary>
    public static void Apply(StoredRoute route, GpxRouteReader.GpxRoutePoints points, RouteAnalysis analysis, int profileVersion, DateTime now)
    {
        route.PointCount = points.Points.Count;
        route.TrackGeoJson = TrackGeoJson(points);
        ApplyEstimate(route, analysis, points.Warnings, profileVersion, now);
    }

    /// <summary>
    /// Copies totals, profile and sections (the caller's DbContext must not track the old sections). The map track
    /// depends on the file only, so a re-estimate keeps it.
    /// </summary>
    public static void ApplyEstimate(StoredRoute route, RouteAnalysis analysis, IEnumerable<string>? readerWarnings, int profileVersion, DateTime now)
    {
        route.DistanceMeters = analysis.DistanceMeters;
        route.ElevationGainMeters = analysis.ElevationGainMeters;
        route.ElevationLossMeters = analysis.ElevationLossMeters;
        route.MinElevationMeters = analysis.MinElevationMeters;
        route.MaxElevationMeters = analysis.MaxElevationMeters;
        route.MaxGradePercent = analysis.Sections.Max(s => s.MaxSustainedGradePercent);
        route.EstimatedSeconds = analysis.EstimatedTimeSeconds;
        route.ProfileVersion = profileVersion;
        route.AnalyzedAt = now;
        route.ProfileJson = JsonSerializer.Serialize(
            analysis.Profile.Select(p => new ProfileSample(Round(p.DistanceMeters, 1), Round(p.ElevationMeters, 1), Round(p.GradePercent, 2))), Json);
        if (readerWarnings is not null)
        {
            // Without the file's own warnings (re-estimate from stored points) the old ones stay: they depend on the file only.
            route.WarningsJson = JsonSerializer.Serialize(readerWarnings.Concat(analysis.Warnings).Distinct(), Json);
        }

        route.Sections = analysis.Sections.Select(s => StoredSection.From(route.Id, s)).ToList();
    }

    public static RouteAnalyzed ToEvent(StoredRoute route, RiderProfile rider) => new(
        route.Id, route.Name, route.DistanceMeters, route.ElevationGainMeters, route.EstimatedSeconds, route.Sections.Count,
        route.ProfileVersion, route.AnalyzedAt.AsUtcOffset(), rider.FtpWatts,
        route.Sections.Where(s => s.Kind == SectionKind.Climb).OrderBy(s => s.Index)
            .Select(s => new RouteClimb(s.StartMeters, s.DistanceMeters, s.AverageGradePercent ?? 0, s.MaxSustainedGradePercent ?? 0, s.ElevationGainMeters,
                s.EstimatedSeconds, s.TargetPowerWatts))
            .ToList());

    private static string TrackGeoJson(GpxRouteReader.GpxRoutePoints points)
    {
        var lat = new List<double>(points.Points.Count);
        var lon = new List<double>(points.Points.Count);
        foreach (var p in points.Points)
        {
            if (p.HasPosition)
            {
                lat.Add(p.Latitude);
                lon.Add(p.Longitude);
            }
        }

        var kept = TrackSimplifier.Simplify(lat, lon, MaxTrackPoints);
        var coordinates = kept.Select(i => new[] { Math.Round(lon[i], 6), Math.Round(lat[i], 6) });
        return JsonSerializer.Serialize(new { type = "LineString", coordinates }, Json);
    }

    private static double Round(double value, int digits) => Math.Round(value, digits);

    private static double? Round(double? value, int digits) => value is null ? null : Math.Round(value.Value, digits);
}

/// <summary>One point of the stored elevation profile.</summary>
public sealed record ProfileSample(double DistanceMeters, double? ElevationMeters, double? GradePercent);
