using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Apis;

/// <summary>
/// A workout in the list (<c>GET /api/workouts</c>): what a list row shows and what picks a ride from a page. Its
/// metrics (zones, mean-max points, thresholds used), laps, aliases and the source's record are the detail's
/// (<c>GET /api/workouts/{id}</c>, <see cref="WorkoutResponse"/>): a page of 50 is ≈ 20 KB. <see cref="TrainingLoad"/>
/// is TSS when <see cref="TrainingLoadSource"/> is <c>power</c> (the metrics' TSS), else the load of that source.
/// </summary>
public sealed record WorkoutSummaryResponse(
    Guid Id,
    WorkoutSource Source,
    string? SourceActivityId,
    string Name,
    string? Sport,
    string? ActivityType,
    DateTimeOffset StartTime,
    double DurationSeconds,
    double DistanceMeters,
    double? AveragePower,
    double? AverageHeartRate,
    double? TrainingLoad,
    string? TrainingLoadSource,
    bool HasStreams);
