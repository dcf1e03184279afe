namespace CyclingCoach.Contracts;

/// <summary>
/// A route was analysed (uploaded, re-analysed or re-estimated for a new rider profile). Coaching keeps the course of
/// every route (<see cref="Climbs"/>) so a target event that names the route gets sessions for its climbs.
/// </summary>
/// <param name="FtpWatts">The FTP the estimate used (climb powers are for this FTP).</param>
/// <param name="Climbs">The climb sections in route order; null from publishers before climbs were sent.</param>
public record RouteAnalyzed(
    Guid RouteId,
    string Name,
    double DistanceMeters,
    double? ElevationGainMeters,
    double? EstimatedSeconds,
    int SectionCount,
    int ProfileVersion,
    DateTimeOffset AnalyzedAt,
    double? FtpWatts = null,
    IReadOnlyList<RouteClimb>? Climbs = null);

/// <summary>
/// One climb of a route: where it starts, how long and steep it is, and the power and time the rider needs there (the
/// route analysis's climb power: the rider's ceiling for a climb that long).
/// </summary>
public record RouteClimb(
    double StartMeters,
    double DistanceMeters,
    double AverageGradePercent,
    double MaxSustainedGradePercent,
    double? ElevationGainMeters,
    double EstimatedSeconds,
    double PowerWatts);
