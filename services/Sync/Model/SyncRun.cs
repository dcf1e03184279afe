using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Model;

/// <summary>
/// One sync of a source over a date window (the seed's garmin_sync_log). At most one <c>in_progress</c> run per source
/// (a partial unique index). The worker holding it renews <see cref="LeaseExpiresAt"/>; a run whose lease ran out
/// belonged to a dead process and is taken over and resumed.
/// </summary>
public sealed class SyncRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public WorkoutSource Source { get; init; }
    public SyncRunStatus Status { get; set; } = SyncRunStatus.InProgress;

    /// <summary><c>manual</c> (POST /api/sync/runs) or <c>scheduled</c>.</summary>
    public string Trigger { get; init; } = "manual";
    public DateTime WindowFromUtc { get; init; }
    public DateTime WindowToUtc { get; init; }
    public int Found { get; set; }
    public int Imported { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }
    public string? Error { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

public enum SyncRunStatus
{
    InProgress,
    Success,
    Error,
}
