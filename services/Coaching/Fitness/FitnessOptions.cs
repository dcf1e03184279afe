using CyclingCoach.Training.Science;

namespace CyclingCoach.Coaching.Fitness;

/// <summary>
/// Section <c>Coaching:Fitness</c>. Defaults are GoldenCheetah's: exponential CTL (42 d) and ATL (7 d), TSB from the
/// previous day (see <see cref="PmcOptions"/>).
/// </summary>
public sealed class FitnessOptions
{
    public double CtlDays { get; set; } = 42;
    public double AtlDays { get; set; } = 7;
    public PmcSmoothing Smoothing { get; set; } = PmcSmoothing.Exponential;
    public TsbConvention Tsb { get; set; } = TsbConvention.PreviousDay;

    public PmcOptions ToPmc() => new(CtlDays, AtlDays, Smoothing, Tsb);
}
