namespace CyclingCoach.Sync.Model;

/// <summary>
/// Metrics computed by CyclingCoach.Training for one workout, with the thresholds used (stored as jsonb). IF and TSS
/// are null without an FTP; HR zones need an LTHR (or max + resting HR), TRIMP and HRSS also max and resting HR.
/// The thresholds used (FTP, effective LTHR, max and resting HR of the ride's period) are kept so a new threshold
/// history recomputes only the rides whose period changed. <see cref="MeanMaxPowerWatts"/> is keyed by duration in
/// seconds: the standard durations the ride reaches plus the whole ride.
/// </summary>
public sealed record WorkoutMetricsData(
    double ElapsedSeconds,
    double RecordedSeconds,
    double MovingSeconds,
    bool HasPower,
    bool HasHeartRate,
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
    IReadOnlyDictionary<string, double> MeanMaxPowerWatts,
    double? FtpUsedWatts,
    double? LthrUsedBpm,
    int? ThresholdsVersion,
    IReadOnlyList<string> Warnings,
    double? MaxHeartRateUsedBpm = null,
    double? RestingHeartRateUsedBpm = null);
