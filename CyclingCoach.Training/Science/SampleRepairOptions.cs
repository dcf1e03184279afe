namespace CyclingCoach.Training.Science;

/// <summary>Thresholds of <see cref="SampleRepair"/> (defaults documented there).</summary>
public sealed record SampleRepairOptions(
    double PowerCeilingWatts = 2500,
    int PowerWindowSeconds = 15,
    double PowerSpikeRatio = 3,
    double PowerSpikeWatts = 1000,
    int MaxSpikeSeconds = 3,
    double MinHeartRateBpm = 25,
    double MaxHeartRateBpm = 250,
    double MaxHeartRateChangeBpmPerSecond = 20,
    int MaxHeartRateInterpolationSeconds = 30,
    double MaxSpeedMps = 30,
    double MaxAccelerationMps2 = 5 * 9.81,
    double MaxAltitudeChangeMps = 20)
{
    public static SampleRepairOptions Default { get; } = new();
}
