namespace CyclingCoach.Training.Science;

/// <summary>
/// One PMC day: the day's load (TSS, or HRSS when there is no power), fitness (CTL), fatigue (ATL) and form (TSB,
/// see <see cref="TsbConvention"/>). RampRate = CTL_d − CTL_{d−7} (CTL change over the last 7 days, GoldenCheetah's
/// ramp rate with τ_ATL = 7; the initial CTL is used before the first day).
/// </summary>
public readonly record struct PmcDay(DateOnly Date, double Load, double Ctl, double Atl, double Tsb, double RampRate);
