using CyclingCoach.ServiceDefaults;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Model;

namespace CyclingCoach.Sync.Apis;

/// <summary>A sync run: status <c>in_progress</c> / <c>success</c> / <c>error</c>, counts, error text and timings.</summary>
public sealed record SyncRunResponse(
    Guid Id,
    WorkoutSource Source,
    SyncRunStatus Status,
    string Trigger,
    DateTimeOffset From,
    DateTimeOffset To,
    int Found,
    int Imported,
    int Skipped,
    int Failed,
    string? Error,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double? DurationSeconds)
{
    public static SyncRunResponse Create(SyncRun r) => new(
        r.Id, r.Source, r.Status, r.Trigger, r.WindowFromUtc.AsUtcOffset(), r.WindowToUtc.AsUtcOffset(), r.Found, r.Imported, r.Skipped, r.Failed, r.Error,
        r.Attempts, r.CreatedAt.AsUtcOffset(), r.StartedAt is { } s ? s.AsUtcOffset() : null, r.FinishedAt is { } f ? f.AsUtcOffset() : null,
        r.StartedAt is { } a && r.FinishedAt is { } b ? (b - a).TotalSeconds : null);
}

/// <summary><c>POST /api/sync/runs</c>: a source, and either <c>daysBack</c> or <c>from</c>/<c>to</c> (neither: incremental).</summary>
public sealed record StartSyncRunRequest(WorkoutSource? Source, int? DaysBack, DateTimeOffset? From, DateTimeOffset? To);
