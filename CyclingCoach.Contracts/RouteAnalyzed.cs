namespace CyclingCoach.Contracts;

public record RouteAnalyzed(
    Guid RouteId,
    string Name,
    double DistanceMeters,
    double? ElevationGainMeters,
    double? EstimatedSeconds,
    int SectionCount,
    int ProfileVersion,
    DateTimeOffset AnalyzedAt);
