using System.Globalization;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.Contracts;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Model;

/// <summary>A ride in the activity store. Source ids are separate from the primary key (ARCHITECTURE.md §5).</summary>
public sealed class Workout
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Where the data kept for this workout came from; other sources of the same ride are <see cref="WorkoutAlias"/>es.</summary>
    public WorkoutSource Source { get; set; }

    /// <summary>The source's id (Garmin activityId, intervals.icu "i123"); for uploads the SHA-256 of the file.</summary>
    public string? SourceActivityId { get; set; }
    public required string Name { get; set; }
    public string? Sport { get; set; }

    /// <summary>The source's own type key (Garmin <c>road_biking</c>, intervals.icu <c>VirtualRide</c>, FIT sub-sport).</summary>
    public string? ActivityType { get; set; }

    /// <summary>Start in UTC; <see cref="StartUtcOffsetMinutes"/> keeps the rider's local offset where known.</summary>
    public DateTime StartTimeUtc { get; set; }
    public int? StartUtcOffsetMinutes { get; set; }

    /// <summary>Elapsed time, start to finish.</summary>
    public double DurationSeconds { get; set; }
    public double? MovingSeconds { get; set; }
    public double DistanceMeters { get; set; }
    public double? ElevationGainMeters { get; set; }
    public double? AveragePower { get; set; }
    public double? MaxPower { get; set; }
    public double? AverageHeartRate { get; set; }
    public double? MaxHeartRate { get; set; }
    public double? AverageCadence { get; set; }
    public double? Calories { get; set; }

    /// <summary>Computed by CyclingCoach.Training from the 1 Hz streams (null when there are none).</summary>
    public WorkoutMetricsData? Metrics { get; set; }

    /// <summary>
    /// The ride's load for fitness: TSS (power + FTP), else TSS from the average power (no power samples, an average
    /// power and an FTP), else HRSS (HR + LTHR + max and resting HR), else an estimate from moving (else elapsed) time
    /// and an assumed IF, the RPE's when rated (<see cref="TrainingLoadEstimate"/>).
    /// </summary>
    public double? TrainingLoad { get; set; }

    /// <summary>Which of those <see cref="TrainingLoad"/> is: <see cref="TrainingLoadSources"/>.</summary>
    public string? TrainingLoadSource { get; set; }

    /// <summary>The FTP a load from the average power used (<see cref="TrainingLoadSources.AveragePower"/>; null otherwise): the ride's IF is AP / it.</summary>
    public double? AveragePowerFtpWatts { get; set; }

    /// <summary>The rider's rating of perceived exertion, 1–10 (manual entries).</summary>
    public int? PerceivedExertion { get; set; }

    /// <summary>The threshold history version this ride was last checked against; below the stored version, it is due for a recompute.</summary>
    public int ThresholdsCheckedVersion { get; set; }

    /// <summary>
    /// The stored metrics were computed by rules that have changed since (set by a migration, e.g. all-zero power,
    /// cadence or heart-rate channels are absent now): the threshold recompute worker recomputes such a ride once
    /// from its stored streams (<see cref="Recompute.ThresholdRecomputer"/>) and clears it.
    /// </summary>
    public bool MetricsOutdated { get; set; }

    /// <summary>The source's JSON for the activity (jsonb), or null for uploads and manual entries.</summary>
    public string? RawSourceJson { get; set; }

    /// <summary>SHA-256 (hex) of the original file under <c>Storage:DataPath/files/</c>; null when there is none.</summary>
    public string? FileSha256 { get; set; }
    public string? FileFormat { get; set; }
    public long? FileSizeBytes { get; set; }
    public bool HasStreams { get; set; }

    /// <summary>Where the streams came from: <see cref="StreamSources"/> (<c>none</c> without streams).</summary>
    public string StreamSource { get; set; } = StreamSources.None;

    /// <summary>Laps from the file (FIT) or the source (Garmin splits), jsonb; null when neither had any.</summary>
    public IReadOnlyList<WorkoutLap>? Laps { get; set; }

    /// <summary>The sync run that stored it (lets a resumed run count exactly what it imported before it died).</summary>
    public Guid? ImportedByRunId { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;

    public DateTimeOffset StartTime => StartOf(StartTimeUtc, StartUtcOffsetMinutes);

    /// <summary>The start in the rider's offset at the time (UTC when the source gave none).</summary>
    public static DateTimeOffset StartOf(DateTime startUtc, int? utcOffsetMinutes) =>
        startUtc.AsUtcOffset().ToOffset(TimeSpan.FromMinutes(utcOffsetMinutes ?? 0));

    /// <summary>The rider's calendar date of the start: the date whose thresholds apply.</summary>
    public DateOnly LocalDate => LocalDateOf(StartTimeUtc, StartUtcOffsetMinutes);

    public static DateOnly LocalDateOf(DateTime startUtc, int? utcOffsetMinutes) => DateOnly.FromDateTime(startUtc.AddMinutes(utcOffsetMinutes ?? 0));

    /// <summary>How much a copy of a ride holds, to keep the richest when sources overlap: power, then HR, then any streams.</summary>
    public int Richness => RichnessOf(HasStreams, Metrics?.HasPower ?? false, Metrics?.HasHeartRate ?? false, FileSha256 is not null);

    public static int RichnessOf(bool hasStreams, bool hasPower, bool hasHeartRate, bool hasFile) =>
        (hasPower ? 8 : 0) + (hasHeartRate ? 4 : 0) + (hasStreams ? 2 : 0) + (hasFile ? 1 : 0);

    /// <summary>
    /// Clears an average or maximum power, heart rate or cadence of 0: a device whose sensor measured nothing writes 0
    /// (a dead power meter's session, or our own average of an all-zero channel before such a channel counted as
    /// absent). The same rule as <see cref="RideStreams.HasPower"/>: nothing above 0 is no value.
    /// </summary>
    public void DropZeroSummaries()
    {
        static double? Positive(double? v) => v > 0 ? v : null;
        AveragePower = Positive(AveragePower);
        MaxPower = Positive(MaxPower);
        AverageHeartRate = Positive(AverageHeartRate);
        MaxHeartRate = Positive(MaxHeartRate);
        AverageCadence = Positive(AverageCadence);
    }

    /// <summary>
    /// Sets <see cref="TrainingLoad"/> and <see cref="TrainingLoadSource"/> from the metrics, else from the average
    /// power and the FTP of <paramref name="thresholds"/> (the ride's period), else the estimate.
    /// </summary>
    public void UpdateTrainingLoad(AthleteThresholdPeriod? thresholds)
    {
        var seconds = MovingSeconds ?? DurationSeconds;
        AveragePowerFtpWatts = Metrics is null or { HasPower: false } && AveragePower > 0 && seconds > 0 && thresholds?.FtpWatts is > 0
            ? thresholds.FtpWatts
            : null;
        (TrainingLoad, TrainingLoadSource) = Metrics switch
        {
            { TrainingStressScore: { } tss } => (tss, TrainingLoadSources.Power),
            _ when AveragePowerFtpWatts is { } ftp => (TrainingLoadEstimate.FromAveragePower(seconds, AveragePower!.Value, ftp), TrainingLoadSources.AveragePower),
            { HeartRateStressScore: { } hrss } => (hrss, TrainingLoadSources.HeartRate),
            _ => (TrainingLoadEstimate.For(seconds, PerceivedExertion), TrainingLoadSources.Estimate),
        };
    }

    public WorkoutImported ToImportedEvent() => new(
        Id, Source, SourceActivityId, Name, Sport, StartTime, DurationSeconds, DistanceMeters, AveragePower, AverageHeartRate, ToMetricsMessage(), StreamSource);

    /// <summary>The metrics as the contract carries them (zones null where the library left them empty).</summary>
    public WorkoutMetrics ToMetricsMessage() => new(
        Metrics?.NormalizedPowerWatts,
        Metrics?.IntensityFactor ?? AveragePower / AveragePowerFtpWatts,
        Metrics?.TrainingStressScore,
        Metrics?.HeartRateStressScore,
        Metrics?.WorkKilojoules,
        ElevationGainMeters,
        Metrics?.FtpUsedWatts ?? AveragePowerFtpWatts,
        Metrics?.LthrUsedBpm,
        TrainingLoad,
        TrainingLoadSource,
        Metrics?.MeanMaxPowerWatts is { Count: > 0 } meanMax
            ? meanMax.Select(p => new MeanMaxPoint(int.Parse(p.Key, CultureInfo.InvariantCulture), p.Value)).OrderBy(p => p.DurationSeconds).ToList()
            : null,
        Metrics?.TimeInPowerZonesSeconds is { Count: > 0 } power ? power : null,
        Metrics?.TimeInHeartRateZonesSeconds is { Count: > 0 } hr ? hr : null);
}
