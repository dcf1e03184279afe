namespace CyclingCoach.Training.Science;

/// <summary>How CTL/ATL respond to one day's load.</summary>
public enum PmcSmoothing
{
    /// <summary>GoldenCheetah (PMCData.cpp#L323-L368): X_d = X_{d−1}·λ + Load_d·(1 − λ), λ = e^(−1/τ). Default.</summary>
    Exponential,

    /// <summary>TrainingPeaks / intervals.icu: X_d = X_{d−1} + (Load_d − X_{d−1})/τ.</summary>
    Linear,
}

/// <summary>Which day's CTL and ATL form the TSB shown on day d.</summary>
public enum TsbConvention
{
    /// <summary>TSB_d = CTL_{d−1} − ATL_{d−1}: form going into day d, before its training (TrainingPeaks "yesterday's fitness − yesterday's fatigue", GoldenCheetah's default plot). Default.</summary>
    PreviousDay,

    /// <summary>TSB_d = CTL_d − ATL_d, after day d's training.</summary>
    SameDay,
}

/// <summary>
/// Performance Management Chart options (peers.md §2.4). Defaults: τ_CTL = 42 d, τ_ATL = 7 d, exponential smoothing,
/// TSB from the previous day, CTL and ATL seeded at 0 (the values on the day before the first day).
/// </summary>
public sealed record PmcOptions(
    double CtlTimeConstantDays = 42,
    double AtlTimeConstantDays = 7,
    PmcSmoothing Smoothing = PmcSmoothing.Exponential,
    TsbConvention Tsb = TsbConvention.PreviousDay,
    double InitialCtl = 0,
    double InitialAtl = 0)
{
    public static PmcOptions Default { get; } = new();
}
