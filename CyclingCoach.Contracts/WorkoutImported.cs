namespace CyclingCoach.Contracts;

/// <summary>A workout entered the activity store (manual entry, file import, Garmin or intervals.icu).</summary>
public record WorkoutImported(
    Guid WorkoutId,
    WorkoutSource Source,
    string? SourceActivityId,
    string Name,
    string? Sport,
    DateTimeOffset StartTime,
    double DurationSeconds,
    double DistanceMeters,
    double? AveragePowerWatts,
    double? AverageHeartRateBpm,
    WorkoutMetrics? Metrics);

/// <summary>Metrics computed by CyclingCoach.Training, with the thresholds they were computed against.</summary>
public record WorkoutMetrics(
    double? NormalizedPowerWatts,
    double? IntensityFactor,
    double? TrainingStressScore,
    double? HeartRateStressScore,
    double? WorkKilojoules,
    double? ElevationGainMeters,
    double? FtpUsedWatts,
    double? LthrUsedBpm);

public enum WorkoutSource
{
    Manual,
    File,
    Garmin,
    IntervalsIcu,
}
