using System.Text.Json.Serialization;

namespace CyclingCoach.Training.Science;

/// <summary>
/// Summary metrics of one ride (SI units). A value that cannot be computed (no power, no FTP, no HR…) is null, never
/// NaN or infinite. Time-in-zone arrays hold seconds per zone (index 0 = Z1) and are empty when the threshold or
/// channel is missing. <see cref="FtpUsedWatts"/> and <see cref="LthrUsedBpm"/> are the thresholds they were computed
/// against. Not sealed: Sync stores a ride's metrics as this record plus what Sync adds (<c>WorkoutMetricsData</c>),
/// so these properties are its stored JSON's and its API's fields too — renaming one changes both.
/// </summary>
public record RideMetrics(
    double ElapsedSeconds,
    double RecordedSeconds,
    double MovingSeconds,
    double? AveragePowerWatts,
    double? MaxPowerWatts,
    double? NormalizedPowerWatts,
    double? IntensityFactor,
    double? TrainingStressScore,
    double? VariabilityIndex,
    double? EfficiencyFactor,
    double? AerobicDecouplingPercent,
    double? AverageHeartRateBpm,
    double? MaxHeartRateBpm,
    double? Trimp,
    double? HeartRateStressScore,
    double? AverageCadenceRpm,
    double? AverageMovingSpeedMps,
    double? WorkKilojoules,
    double? ElevationGainMeters,
    double? ElevationLossMeters,
    IReadOnlyList<double> TimeInPowerZonesSeconds,
    IReadOnlyList<double> TimeInHeartRateZonesSeconds,
    double? FtpUsedWatts,
    double? LthrUsedBpm)
{
    /// <summary>The day's load for the PMC: TSS when there is power and an FTP, else HRSS (peers.md §2.3), else null.
    /// Derived, so not serialized.</summary>
    [JsonIgnore]
    public double? TrainingLoad => TrainingStressScore ?? HeartRateStressScore;
}
