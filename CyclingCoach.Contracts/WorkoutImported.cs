namespace CyclingCoach.Contracts;

/// <summary>A workout entered the activity store (manual entry, file import, Garmin or intervals.icu).</summary>
/// <param name="StreamSource">Where the metrics' 1 Hz samples came from: "original_file", "garmin_details" (Garmin's
/// downsampled chart data), "intervals_streams" or "none"; null from publishers older than the field.</param>
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
    WorkoutMetrics? Metrics,
    string? StreamSource = null);

/// <summary>Sync recomputed a stored ride's metrics because the thresholds in effect on its date changed.</summary>
public record WorkoutMetricsRecalculated(Guid WorkoutId, WorkoutMetrics Metrics, int ThresholdsVersion, DateTimeOffset RecalculatedAt);

/// <summary>Metrics computed by CyclingCoach.Training, with the thresholds they were computed against. What Coaching needs, as a
/// message: kept apart from Training's RideMetrics so a change there is not a change on the wire (ARCHITECTURE.md §4).</summary>
/// <param name="TrainingLoad">The ride's load for fitness: TSS with power (or from the average power without samples), else HRSS, else an estimate (see <see cref="TrainingLoadSource"/>).</param>
/// <param name="TrainingLoadSource">"power", "average_power" (a ride without power samples: TSS from its average power), "heart_rate" or "estimate".</param>
/// <param name="MeanMax">Best mean power at the standard durations (1 s … 60 min and the whole ride).</param>
/// <param name="PowerZoneSeconds">Seconds in Coggan power zones 1–7 (null without power or FTP).</param>
/// <param name="HeartRateZoneSeconds">Seconds in heart-rate zones 1–5 (null without HR or LTHR).</param>
public record WorkoutMetrics(
    double? NormalizedPowerWatts,
    double? IntensityFactor,
    double? TrainingStressScore,
    double? HeartRateStressScore,
    double? WorkKilojoules,
    double? ElevationGainMeters,
    double? FtpUsedWatts,
    double? LthrUsedBpm,
    double? TrainingLoad = null,
    string? TrainingLoadSource = null,
    IReadOnlyList<MeanMaxPoint>? MeanMax = null,
    IReadOnlyList<double>? PowerZoneSeconds = null,
    IReadOnlyList<double>? HeartRateZoneSeconds = null);

public record MeanMaxPoint(int DurationSeconds, double Watts);

public enum WorkoutSource
{
    Manual,
    File,
    Garmin,
    IntervalsIcu,
}
