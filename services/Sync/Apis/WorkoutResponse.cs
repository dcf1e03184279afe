using CyclingCoach.Contracts;
using CyclingCoach.Sync.Model;

namespace CyclingCoach.Sync.Apis;

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
    DateTimeOffset CreatedAt)
{
    public static WorkoutResponse From(Workout w) => new(
        w.Id, w.Source, w.SourceActivityId, w.Name, w.Sport, w.StartTime, w.DurationSeconds, w.DistanceMeters,
        w.AveragePower, w.AverageHeartRate, new DateTimeOffset(DateTime.SpecifyKind(w.CreatedAt, DateTimeKind.Utc)));
}
