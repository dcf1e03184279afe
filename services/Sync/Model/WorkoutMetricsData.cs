using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Model;

/// <summary>
/// Metrics computed by CyclingCoach.Training for one workout, with the thresholds used (stored as jsonb). IF and TSS
/// are null without an FTP; HR zones need an LTHR (or max + resting HR), TRIMP and HRSS also max and resting HR.
/// The thresholds used (FTP, effective LTHR, max and resting HR of the ride's period) are kept so a new threshold
/// history recomputes only the rides whose period changed. <see cref="MeanMaxPowerWatts"/> is keyed by duration in
/// seconds: the standard durations the ride reaches plus the whole ride.
/// <para>Sample repair (README "Sample repair"): <see cref="SampleRepairs"/> lists the implausible samples found in the
/// stored streams (always, whether applied or not); when <see cref="SampleRepairEnabled"/> (the default, the rider can
/// turn it off per ride) the metrics come from the repaired copy. <see cref="DeviceSession"/> keeps the file's own
/// session values so <see cref="DeviceMismatches"/> can be re-evaluated whenever the metrics are.</para>
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
    double? RestingHeartRateUsedBpm = null,
    IReadOnlyList<SampleRepairEntry>? SampleRepairs = null,
    bool SampleRepairEnabled = true,
    DeviceSessionValues? DeviceSession = null,
    IReadOnlyList<DeviceMismatch>? DeviceMismatches = null);
