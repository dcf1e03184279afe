using CyclingCoach.ServiceDefaults;
using System.Text.Json;
using CyclingCoach.Routes.Analysis;
using CyclingCoach.Routes.Model;
using CyclingCoach.Training.Routes;

namespace CyclingCoach.Routes.Apis;

/// <summary>A route in the list: totals only.</summary>
public sealed record RouteResponse(
    Guid Id,
    string Name,
    double DistanceMeters,
    double? ElevationGainMeters,
    double? ElevationLossMeters,
    double? MaxGradePercent,
    double EstimatedSeconds,
    int ProfileVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset AnalyzedAt)
{
    public static RouteResponse From(StoredRoute r) => new(
        r.Id, r.Name, r.DistanceMeters, r.ElevationGainMeters, r.ElevationLossMeters, r.MaxGradePercent, r.EstimatedSeconds,
        r.ProfileVersion, r.CreatedAt.AsUtcOffset(), r.AnalyzedAt.AsUtcOffset());
}

/// <summary>
/// One route with everything the route page shows: summary, simplified track (GeoJSON LineString, [lon, lat]),
/// elevation profile for the chart and the sections table.
/// </summary>
public sealed record RouteDetailResponse(
    Guid Id,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset AnalyzedAt,
    int ProfileVersion,
    long FileSizeBytes,
    int PointCount,
    RouteSummaryResponse Summary,
    JsonElement Track,
    IReadOnlyList<ProfileSample> Profile,
    IReadOnlyList<SectionResponse> Sections,
    IReadOnlyList<string> Warnings,
    RouteLinks Links)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteDetailResponse From(StoredRoute r)
    {
        var sections = r.Sections.OrderBy(s => s.Index).Select(SectionResponse.From).ToList();
        var hardest = r.Sections.Where(s => s.Kind == SectionKind.Climb)
            .OrderByDescending(s => s.FietsIndex ?? 0).ThenByDescending(s => s.ClimbScore ?? 0).FirstOrDefault();
        var summary = new RouteSummaryResponse(r.DistanceMeters, r.ElevationGainMeters, r.ElevationLossMeters, r.MinElevationMeters,
            r.MaxElevationMeters, r.MaxGradePercent, r.EstimatedSeconds, sections.Count, hardest is null ? null : ClimbResponse.From(hardest));
        using var track = JsonDocument.Parse(r.TrackGeoJson);
        return new RouteDetailResponse(r.Id, r.Name, r.CreatedAt.AsUtcOffset(), r.AnalyzedAt.AsUtcOffset(), r.ProfileVersion,
            r.FileSizeBytes, r.PointCount, summary, track.RootElement.Clone(),
            JsonSerializer.Deserialize<List<ProfileSample>>(r.ProfileJson, Json) ?? [],
            sections,
            JsonSerializer.Deserialize<List<string>>(r.WarningsJson, Json) ?? [],
            new RouteLinks($"/api/routes/{r.Id}", $"/api/routes/{r.Id}/gpx", $"/api/routes/{r.Id}/reanalyze"));
    }
}

public sealed record RouteSummaryResponse(
    double DistanceMeters,
    double? ElevationGainMeters,
    double? ElevationLossMeters,
    double? MinElevationMeters,
    double? MaxElevationMeters,
    double? MaxGradePercent,
    double EstimatedSeconds,
    int SectionCount,
    ClimbResponse? HardestClimb);

/// <summary>The hardest climb: the climb section with the highest Fiets index.</summary>
public sealed record ClimbResponse(
    int SectionIndex,
    double StartMeters,
    double EndMeters,
    double DistanceMeters,
    double? AverageGradePercent,
    double? MaxSustainedGradePercent,
    double? ElevationGainMeters,
    ClimbCategory? ClimbCategory,
    double? FietsIndex,
    double EstimatedSeconds)
{
    public static ClimbResponse From(StoredSection s) => new(
        s.Index, s.StartMeters, s.EndMeters, s.DistanceMeters, s.AverageGradePercent, s.MaxSustainedGradePercent, s.ElevationGainMeters,
        s.ClimbCategory, s.FietsIndex, s.EstimatedSeconds);
}

/// <summary>A row of the sections table. <see cref="MinimumGear"/> is null for descents and routes without elevation.</summary>
public sealed record SectionResponse(
    int Index,
    SectionKind Kind,
    double StartMeters,
    double EndMeters,
    double DistanceMeters,
    double? AverageGradePercent,
    double? MaxSustainedGradePercent,
    double? ElevationGainMeters,
    double? ElevationLossMeters,
    ClimbCategory? ClimbCategory,
    double? ClimbScore,
    double? FietsIndex,
    double TargetPowerWatts,
    double EstimatedSeconds,
    double AverageSpeedMps,
    GearResponse? MinimumGear)
{
    public static SectionResponse From(StoredSection s) => new(
        s.Index, s.Kind, s.StartMeters, s.EndMeters, s.DistanceMeters, s.AverageGradePercent, s.MaxSustainedGradePercent,
        s.ElevationGainMeters, s.ElevationLossMeters, s.ClimbCategory, s.ClimbScore, s.FietsIndex, s.TargetPowerWatts,
        s.EstimatedSeconds, s.AverageSpeedMps, GearResponse.From(s));
}

/// <summary>
/// Minimum gear at the section's steepest sustained grade: the hardest chainring × cog that keeps the minimum cadence,
/// and the cadence expected in it. When none does (<see cref="HoldsMinimumCadence"/> false) the gear is the easiest one,
/// <see cref="ExpectedCadenceRpm"/> the cadence the rider drops to and <see cref="PowerForMinimumCadenceWatts"/> the
/// power needed to hold the minimum cadence.
/// </summary>
public sealed record GearResponse(
    int ChainringTeeth,
    int CogTeeth,
    double Ratio,
    double RequiredRatio,
    double GradePercent,
    double SpeedMps,
    double ExpectedCadenceRpm,
    bool HoldsMinimumCadence,
    double? PowerForMinimumCadenceWatts)
{
    public static GearResponse? From(StoredSection s) => s is { ChainringTeeth: { } ring, CogTeeth: { } cog }
        ? new GearResponse(ring, cog, s.GearRatio ?? 0, s.RequiredRatio ?? 0, s.GearGradePercent ?? 0, s.GearSpeedMps ?? 0, s.CadenceRpm ?? 0,
            s.HoldsMinimumCadence ?? false, s.PowerForMinimumCadenceWatts)
        : null;
}

public sealed record RouteLinks(string Self, string Gpx, string Reanalyze);

/// <summary>PATCH body: the new name.</summary>
public sealed record RenameRouteRequest(string? Name);
