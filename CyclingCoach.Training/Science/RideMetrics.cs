namespace CyclingCoach.Training.Science;

/// <summary>
/// Summary metrics of one ride (SI units). A value that cannot be computed (no power, no FTP, no HR…) is null.
/// Time-in-zone arrays hold seconds per zone (index 0 = Z1) and are empty when the threshold or channel is missing.
/// </summary>
public sealed record RideMetrics(
    double ElapsedSeconds,
    double RecordedSeconds,
    double MovingSeconds,
    double? DistanceMeters,
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
    double? FtpWattsUsed,
    double? LthrBpmUsed)
{
    /// <summary>The day's load for the PMC: TSS when there is power and an FTP, else HRSS (peers.md §2.3), else null.</summary>
    public double? TrainingLoad => TrainingStressScore ?? HeartRateStressScore;
}
