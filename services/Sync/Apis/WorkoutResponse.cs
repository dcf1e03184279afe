using CyclingCoach.ServiceDefaults;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Model;

namespace CyclingCoach.Sync.Apis;

/// <summary>
/// A workout: summary (SI units), the metrics computed from its streams (with the FTP/LTHR used), its training load
/// (TSS from power or from the average power, HRSS or an estimate, see <see cref="TrainingLoadSource"/>), where its streams came from
/// (<see cref="StreamSource"/>), its laps, and what is kept beside it. <see cref="Aliases"/> and <see cref="RawSource"/> are filled by <c>GET /api/workouts/{id}</c> only.
/// </summary>
public sealed record WorkoutResponse(
    Guid Id,
    WorkoutSource Source,
    string? SourceActivityId,
    string Name,
    string? Sport,
    DateTimeOffset StartTime,
    double DurationSeconds,
    double DistanceMeters,
    double? AveragePower,
    double? AverageHeartRate,
    DateTimeOffset CreatedAt,
    string? ActivityType = null,
    double? MovingSeconds = null,
    double? ElevationGainMeters = null,
    double? MaxPower = null,
    double? MaxHeartRate = null,
    double? AverageCadence = null,
    double? Calories = null,
    bool HasStreams = false,
    string? FileFormat = null,
    long? FileSizeBytes = null,
    WorkoutMetricsData? Metrics = null,
    double? TrainingLoad = null,
    string? TrainingLoadSource = null,
    int? Rpe = null,
    IReadOnlyList<WorkoutAliasResponse>? Aliases = null,
    JsonElement? RawSource = null,
    string StreamSource = StreamSources.None,
    IReadOnlyList<WorkoutLap>? Laps = null)
{
    public static WorkoutResponse From(Workout w, IReadOnlyList<WorkoutAlias>? aliases = null, bool withRaw = false) => new(
        w.Id, w.Source, w.SourceActivityId, w.Name, w.Sport, w.StartTime, w.DurationSeconds, w.DistanceMeters,
        w.AveragePower, w.AverageHeartRate, w.CreatedAt.AsUtcOffset(),
        w.ActivityType, w.MovingSeconds, w.ElevationGainMeters, w.MaxPower, w.MaxHeartRate, w.AverageCadence, w.Calories,
        w.HasStreams, w.FileFormat, w.FileSizeBytes, w.Metrics, w.TrainingLoad, w.TrainingLoadSource, w.PerceivedExertion,
        aliases?.Select(a => new WorkoutAliasResponse(a.Source, a.SourceActivityId)).ToList(),
        withRaw && w.RawSourceJson is { } raw ? JsonDocument.Parse(raw).RootElement.Clone() : null,
        w.StreamSource, w.Laps);
}

/// <summary>Another source's copy of the same ride, merged into this workout.</summary>
public sealed record WorkoutAliasResponse(WorkoutSource Source, string SourceActivityId);
