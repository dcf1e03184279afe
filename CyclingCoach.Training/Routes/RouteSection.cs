namespace CyclingCoach.Training.Routes;

/// <summary>
/// One section of a route. Sections cover the route from 0 to its total distance with no gap or overlap (each starts
/// where the previous ends). Grades are in percent; elevation values and grades are null when the route has no
/// elevation. The gain/loss use the smoothed profile with hysteresis. Climb score, category and Fiets index are set
/// for climbs only. The estimated time comes from the Martin (1998) model at <see cref="TargetPowerWatts"/>
/// (descents: see <see cref="RiderProfile"/>). <see cref="MinimumGear"/> is null for descents and unknown grades.
/// Positions are null when the route had no coordinates. No field is ever NaN.
/// </summary>
public sealed record RouteSection(
    int Index,
    SectionKind Kind,
    double StartDistanceMeters,
    double EndDistanceMeters,
    double DistanceMeters,
    double? StartElevationMeters,
    double? EndElevationMeters,
    double? AverageGradePercent,
    double? MaxSustainedGradePercent,
    double? MinSustainedGradePercent,
    double? ElevationGainMeters,
    double? ElevationLossMeters,
    double? ClimbScore,
    ClimbCategory? Category,
    double? FietsIndex,
    double TargetPowerWatts,
    double EstimatedTimeSeconds,
    double AverageSpeedMps,
    GearRecommendation? MinimumGear,
    double? StartLatitude,
    double? StartLongitude,
    double? EndLatitude,
    double? EndLongitude);
