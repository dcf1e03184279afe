namespace CyclingCoach.Training.Science;

/// <summary>Options for <see cref="RideMetricsCalculator"/>.</summary>
/// <param name="IncludeZeroPower">
/// True (default, GoldenCheetah and most head units): coasting seconds at 0 W count in average power, NP, zones and
/// work. False mimics the head-unit setting "power averaging: exclude zeros": power metrics use only seconds with
/// power &gt; 0 (TSS still uses the recorded time).
/// </param>
/// <param name="ElevationHysteresisMeters">Hysteresis for ride ascent/descent (3 m, GoldenCheetah's default).</param>
public sealed record RideMetricsOptions(
    bool IncludeZeroPower = true,
    double ElevationHysteresisMeters = ElevationHysteresis.DefaultThresholdMeters)
{
    public static RideMetricsOptions Default { get; } = new();
}
