namespace CyclingCoach.Training.Routes;

/// <summary>
/// Target power per section for the rider to finish (<see cref="PacingPlanner"/>). The sections are the route
/// analysis's; <see cref="PacedSection.SplitSeconds"/> is the time at the section's end, so the last split is
/// <see cref="FinishSeconds"/>. The stamina budget: the plan's normalized power (the 4th-power time mean of the
/// section powers) stays at or under <see cref="BudgetNormalizedPowerWatts"/>, the most the rider holds for the
/// finish time (<see cref="PacingOptions.BudgetFraction"/>). Every target stays at or under the climb ceiling, itself
/// under FTP (≈ CP), so W′ is never drawn on.
/// </summary>
/// <param name="LighterFinishSeconds">The finish time 1 kg lighter (rider mass), with the plan re-solved.</param>
/// <param name="StrongerFinishSeconds">The finish time with 10 W more FTP, with the plan re-solved.</param>
public sealed record PacingPlan(
    double FtpWatts,
    double TotalMassKg,
    double DistanceMeters,
    double FinishSeconds,
    double BasePowerWatts,
    double AveragePowerWatts,
    double NormalizedPowerWatts,
    double BudgetNormalizedPowerWatts,
    double WorkKilojoules,
    IReadOnlyList<PacedSection> Sections,
    IReadOnlyList<GearingCheck> Gearing,
    double? LighterFinishSeconds,
    double? StrongerFinishSeconds)
{
    public double IntensityFactor => NormalizedPowerWatts / FtpWatts;

    public IEnumerable<GearingCheck> GearingWarnings => Gearing.Where(g => g.Warning is not null);
}

/// <param name="SplitSeconds">Elapsed time at the end of the section.</param>
public sealed record PacedSection(
    int Index,
    SectionKind Kind,
    double StartDistanceMeters,
    double EndDistanceMeters,
    double? AverageGradePercent,
    double? MaxSustainedGradePercent,
    double TargetPowerWatts,
    double FtpFraction,
    double WattsPerKg,
    double Seconds,
    double SplitSeconds,
    double AverageSpeedMps);

/// <summary>
/// The rider's lowest gear on a climb's steepest sustained stretch at the planned power (peers.md §4.4):
/// cadence = 60·v / (R_min·C_wheel). <see cref="Warning"/> is set exactly when it falls under the rider's minimum
/// cadence; <see cref="SuggestedCogs"/> are the two smallest common sprockets that keep the minimum.
/// </summary>
/// <param name="RampDistanceMeters">Where the steepest sustained grade is centred.</param>
/// <param name="CogNeeded">The fewest teeth on the largest sprocket that keep the minimum cadence with the smallest chainring.</param>
public sealed record GearingCheck(
    int SectionIndex,
    double RampDistanceMeters,
    double GradePercent,
    double PowerWatts,
    double SpeedMps,
    int ChainringTeeth,
    int CogTeeth,
    double CadenceRpm,
    double MinCadenceRpm,
    int CogNeeded,
    IReadOnlyList<int> SuggestedCogs,
    string? Warning);
