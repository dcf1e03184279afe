namespace CyclingCoach.Training.Routes;

/// <summary>
/// Minimum gear for a section (peers.md §4.4): at the steepest sustained grade and the section's target power the
/// rider rides at <see cref="SpeedMps"/>; the required ratio is R = 60·v/(cadence_min·C_wheel). The gear is the
/// hardest chainring×cog with ratio ≤ R. When even the easiest gear is too hard, <see cref="HoldsMinimumCadence"/>
/// is false, the gear is the easiest one, <see cref="CadenceRpm"/> is the cadence the rider drops to, and
/// <see cref="PowerForMinimumCadenceWatts"/> is the power needed to keep the minimum cadence in that gear.
/// </summary>
public sealed record GearRecommendation(
    int ChainringTeeth,
    int CogTeeth,
    double Ratio,
    double DevelopmentMeters,
    double GradePercent,
    double SpeedMps,
    double RequiredRatio,
    double CadenceRpm,
    bool HoldsMinimumCadence,
    double? PowerForMinimumCadenceWatts);
