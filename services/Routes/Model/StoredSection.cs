using CyclingCoach.Training.Routes;

namespace CyclingCoach.Routes.Model;

/// <summary>
/// One section of a route as estimated for <see cref="StoredRoute.ProfileVersion"/>. Grades in percent, distances in
/// metres. The gear columns are null for descents and routes without elevation. When no gear holds the minimum
/// cadence, <see cref="HoldsMinimumCadence"/> is false, the gear is the easiest one, <see cref="CadenceRpm"/> is the
/// cadence the rider drops to and <see cref="PowerForMinimumCadenceWatts"/> the power needed to keep the minimum.
/// </summary>
public sealed class StoredSection
{
    public Guid RouteId { get; init; }
    public int Index { get; init; }
    public SectionKind Kind { get; init; }
    public double StartMeters { get; init; }
    public double EndMeters { get; init; }
    public double DistanceMeters { get; init; }
    public double? StartElevationMeters { get; init; }
    public double? EndElevationMeters { get; init; }
    public double? AverageGradePercent { get; init; }
    public double? MaxSustainedGradePercent { get; init; }
    public double? ElevationGainMeters { get; init; }
    public double? ElevationLossMeters { get; init; }
    public double? ClimbScore { get; init; }
    public ClimbCategory? ClimbCategory { get; init; }
    public double? FietsIndex { get; init; }
    public double TargetPowerWatts { get; init; }
    public double EstimatedSeconds { get; init; }
    public double AverageSpeedMps { get; init; }
    public int? ChainringTeeth { get; init; }
    public int? CogTeeth { get; init; }
    public double? GearRatio { get; init; }
    public double? RequiredRatio { get; init; }
    public double? GearGradePercent { get; init; }
    public double? GearSpeedMps { get; init; }
    public double? CadenceRpm { get; init; }
    public bool? HoldsMinimumCadence { get; init; }
    public double? PowerForMinimumCadenceWatts { get; init; }

    public static StoredSection From(Guid routeId, RouteSection s) => new()
    {
        RouteId = routeId,
        Index = s.Index,
        Kind = s.Kind,
        StartMeters = s.StartDistanceMeters,
        EndMeters = s.EndDistanceMeters,
        DistanceMeters = s.DistanceMeters,
        StartElevationMeters = s.StartElevationMeters,
        EndElevationMeters = s.EndElevationMeters,
        AverageGradePercent = s.AverageGradePercent,
        MaxSustainedGradePercent = s.MaxSustainedGradePercent,
        ElevationGainMeters = s.ElevationGainMeters,
        ElevationLossMeters = s.ElevationLossMeters,
        ClimbScore = s.ClimbScore,
        ClimbCategory = s.Category,
        FietsIndex = s.FietsIndex,
        TargetPowerWatts = s.TargetPowerWatts,
        EstimatedSeconds = s.EstimatedTimeSeconds,
        AverageSpeedMps = s.AverageSpeedMps,
        ChainringTeeth = s.MinimumGear?.ChainringTeeth,
        CogTeeth = s.MinimumGear?.CogTeeth,
        GearRatio = s.MinimumGear?.Ratio,
        RequiredRatio = s.MinimumGear?.RequiredRatio,
        GearGradePercent = s.MinimumGear?.GradePercent,
        GearSpeedMps = s.MinimumGear?.SpeedMps,
        CadenceRpm = s.MinimumGear?.CadenceRpm,
        HoldsMinimumCadence = s.MinimumGear?.HoldsMinimumCadence,
        PowerForMinimumCadenceWatts = s.MinimumGear?.PowerForMinimumCadenceWatts,
    };
}
