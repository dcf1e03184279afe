namespace CyclingCoach.Sync.Model;

/// <summary>
/// Metrics computed by CyclingCoach.Training for one workout, with the thresholds used (stored as jsonb). IF and TSS
/// are null without an FTP; HR zones and HRSS are null without an LTHR (or max + resting HR).
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
    IReadOnlyList<string> Warnings);
