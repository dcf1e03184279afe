using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Model;

/// <summary>
/// Tombstone of a remote activity (Garmin, intervals.icu) whose workout the rider deleted: sync runs skip it before
/// downloading, so a deleted ride stays deleted on re-sync.
/// </summary>
public sealed class DeletedSourceActivity
{
    public WorkoutSource Source { get; init; }
    public required string SourceActivityId { get; init; }
    public Guid WorkoutId { get; init; }
    public DateTime DeletedAt { get; init; } = DateTime.UtcNow;

    public static bool IsRemote(WorkoutSource source) => source is WorkoutSource.Garmin or WorkoutSource.IntervalsIcu;
}
