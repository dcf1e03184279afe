using CyclingCoach.Training.Routes;

namespace CyclingCoach.Routes.Apis;

/// <summary>
/// The pacing plan of a route for a rider. <see cref="Sections"/> tile the route; each <c>SplitSeconds</c> is the
/// elapsed time at its end, the last equals <see cref="FinishSeconds"/>. <see cref="BudgetNormalizedPowerWatts"/> is
/// the most the rider holds for that long (the plan's NP stays within it). <see cref="Gearing"/> has one entry per climb;
/// <c>Warning</c> is set when the lowest gear falls under the minimum cadence.
/// </summary>
/// <param name="Overridden">True when the query overrode the stored profile (FTP, weight or minimum cadence).</param>
public sealed record PacingResponse(
    Guid RouteId,
    string Name,
    int ProfileVersion,
    bool Overridden,
    PacingRiderResponse Rider,
    double DistanceMeters,
    double FinishSeconds,
    double AveragePowerWatts,
    double NormalizedPowerWatts,
    double BudgetNormalizedPowerWatts,
    double IntensityFactor,
    double WorkKilojoules,
    IReadOnlyList<PacedSectionResponse> Sections,
    IReadOnlyList<GearingCheckResponse> Gearing,
    IReadOnlyList<PacingWhatIfResponse> WhatIf)
{
    public static PacingResponse From(Guid id, string name, int profileVersion, bool overridden, RiderProfile rider, PacingPlan plan) => new(
        id, name, profileVersion, overridden,
        new PacingRiderResponse(rider.FtpWatts, rider.RiderMassKg, rider.TotalMassKg, rider.Chainrings, rider.Cassette, rider.WheelCircumferenceMeters, rider.MinCadenceRpm),
        plan.DistanceMeters, R(plan.FinishSeconds), R(plan.AveragePowerWatts), R(plan.NormalizedPowerWatts), R(plan.BudgetNormalizedPowerWatts),
        Math.Round(plan.IntensityFactor, 3), R(plan.WorkKilojoules),
        plan.Sections.Select(s => new PacedSectionResponse(s.Index, s.Kind, s.StartDistanceMeters, s.EndDistanceMeters, R(s.AverageGradePercent),
            R(s.MaxSustainedGradePercent), R(s.TargetPowerWatts), Math.Round(s.FtpFraction, 3), Math.Round(s.WattsPerKg, 2), R(s.Seconds),
            R(s.SplitSeconds), Math.Round(s.AverageSpeedMps, 2))).ToList(),
        plan.Gearing.Select(g => new GearingCheckResponse(g.SectionIndex, R(g.RampDistanceMeters), R(g.GradePercent), R(g.PowerWatts),
            Math.Round(g.SpeedMps, 2), g.ChainringTeeth, g.CogTeeth, R(g.CadenceRpm), g.MinCadenceRpm, g.CogNeeded, g.SuggestedCogs, g.Warning)).ToList(),
        [
            new PacingWhatIfResponse($"{PacingPlanner.LighterKg:0} kg lighter", R(plan.LighterFinishSeconds ?? plan.FinishSeconds), R(plan.FinishSeconds - (plan.LighterFinishSeconds ?? plan.FinishSeconds))),
            new PacingWhatIfResponse($"{PacingPlanner.StrongerWatts:0} W more FTP", R(plan.StrongerFinishSeconds ?? plan.FinishSeconds), R(plan.FinishSeconds - (plan.StrongerFinishSeconds ?? plan.FinishSeconds))),
        ]);

    private static double R(double value) => Math.Round(value, 1);

    private static double? R(double? value) => value is null ? null : Math.Round(value.Value, 1);
}

public sealed record PacingRiderResponse(
    double FtpWatts,
    double WeightKg,
    double TotalMassKg,
    IReadOnlyList<int> Chainrings,
    IReadOnlyList<int> Cassette,
    double WheelCircumferenceMeters,
    double MinCadenceRpm);

public sealed record PacedSectionResponse(
    int Index,
    SectionKind Kind,
    double StartMeters,
    double EndMeters,
    double? AverageGradePercent,
    double? MaxSustainedGradePercent,
    double TargetPowerWatts,
    double FtpFraction,
    double WattsPerKg,
    double Seconds,
    double SplitSeconds,
    double AverageSpeedMps);

/// <param name="CogNeeded">The fewest teeth on the largest sprocket that keep the minimum cadence with the smallest chainring.</param>
public sealed record GearingCheckResponse(
    int SectionIndex,
    double RampMeters,
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

/// <param name="SavesSeconds">How much sooner the rider finishes.</param>
public sealed record PacingWhatIfResponse(string Change, double FinishSeconds, double SavesSeconds);
