using CyclingCoach.ServiceDefaults;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CyclingCoach.Sync.Runs;

/// <summary>
/// Starts runs: the row is the queue entry (status in_progress, no lease yet); the partial unique index makes a second
/// run for the same source fail, which the caller turns into 409 with the run already going.
/// </summary>
public sealed class SyncRunQueue(SyncDbContext db, SyncRunSignal signal, IOptions<SyncOptions> options, TimeProvider time)
{
    public sealed record Enqueued(SyncRun? Run, Guid? ConflictingRunId);

    public async Task<Enqueued> EnqueueAsync(WorkoutSource source, DateTimeOffset? from, DateTimeOffset? to, string trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var windowTo = to ?? now;
        DateTimeOffset windowFrom;
        if (from is { } f)
        {
            windowFrom = f;
        }
        else
        {
            var lastWindowEnd = await db.SyncRuns.AsNoTracking()
                .Where(r => r.Source == source && r.Status == SyncRunStatus.Success)
                .OrderByDescending(r => r.CreatedAt)
                .Select(r => (DateTime?)r.WindowToUtc)
                .FirstOrDefaultAsync(cancellationToken);
            windowFrom = lastWindowEnd is { } end
                ? end.AsUtcOffset().AddHours(-options.Value.IncrementalOverlapHours)
                : now.AddDays(-options.Value.DefaultDaysBack);
        }

        var run = new SyncRun
        {
            Source = source,
            Trigger = trigger,
            WindowFromUtc = windowFrom.UtcDateTime,
            WindowToUtc = windowTo.UtcDateTime,
            CreatedAt = now.UtcDateTime,
        };
        db.SyncRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            var running = await db.SyncRuns.AsNoTracking()
                .Where(r => r.Source == source && r.Status == SyncRunStatus.InProgress)
                .Select(r => (Guid?)r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            return new Enqueued(null, running);
        }

        signal.Notify();
        return new Enqueued(run, null);
    }
}
