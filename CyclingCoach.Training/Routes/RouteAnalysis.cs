namespace CyclingCoach.Training.Routes;

/// <summary>
/// The result of <see cref="RouteAnalyzer.Analyze"/>: totals, the sections and a downsampled elevation profile.
/// Elevation totals are null when the route has no elevation data. The rider and options used are included so a
/// stored analysis says what it was computed with.
/// </summary>
public sealed record RouteAnalysis(
    double DistanceMeters,
    bool HasElevation,
    double? ElevationGainMeters,
    double? ElevationLossMeters,
    double? MinElevationMeters,
    double? MaxElevationMeters,
    double EstimatedTimeSeconds,
    IReadOnlyList<RouteSection> Sections,
    IReadOnlyList<ProfilePoint> Profile,
    RiderProfile Rider,
    RouteAnalysisOptions Options,
    IReadOnlyList<string> Warnings);
