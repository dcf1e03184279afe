using CyclingCoach.Sync.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>
/// Pushes due sessions one at a time: claims one (a lease, <c>FOR UPDATE SKIP LOCKED</c>), makes its calendar hold
/// what is desired, and records the outcome under the row's lock. The outcome only counts when the desired state is
/// still the one pushed: a plan change during the push leaves the session pending for the next round.
/// A failure becomes the session's status and its next attempt backs off (<see cref="PlanPushOptions.Backoff"/>, or the
/// calendar's Retry-After / cooldown, which then holds back that calendar's other due sessions as well).
/// </summary>
public sealed class PlanPusher(SyncDbContext db, IEnumerable<ICalendarTarget> targets, IOptions<PlanPushOptions> options, TimeProvider time, ILogger<PlanPusher> logger)
{
    /// <summary>Pushes one due session; false when none is due.</summary>
    public async Task<bool> PushNextAsync(CancellationToken cancellationToken)
    {
        var item = await ClaimAsync(cancellationToken);
        if (item is null)
        {
            return false;
        }

        var attempted = item.DesiredHash;
        var target = targets.Single(t => t.Target == item.Target);
        try
        {
            if (attempted is null)
            {
                await target.RemoveAsync(item, apply => RecordAsync(item, apply, cancellationToken), cancellationToken);
            }
            else
            {
                var session = await db.PlannedSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Key == item.SessionKey && s.Hash == attempted, cancellationToken);
                if (session is null)
                {
                    await FinishAsync(item, attempted, null, cancellationToken); // the plan moved on meanwhile
                    return true;
                }

                await target.PutAsync(item, session.Session, attempted, apply => RecordAsync(item, apply, cancellationToken), cancellationToken);
            }

            await FinishAsync(item, attempted, null, cancellationToken);
        }
        catch (CalendarPushException e)
        {
            logger.LogWarning("Pushing session {Session} to {Target} failed: {Reason}", item.SessionKey, item.Target, e.Message);
            await FinishAsync(item, attempted, e, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Pushing session {Session} to {Target} failed unexpectedly", item.SessionKey, item.Target);
            await FinishAsync(item, attempted, new CalendarPushException($"Unexpected failure ({e.GetType().Name})."), cancellationToken);
        }

        return true;
    }

    private async Task<PlanPushItem?> ClaimAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        var from = PlanPushPlanner.FirstDate(now);
        var lease = now.AddSeconds(options.Value.LeaseSeconds);
        var claimed = await db.PlanPushItems.FromSql($"""
            UPDATE plan_push_items SET lease_until = {lease}
            WHERE (target, session_key) = (
                SELECT target, session_key FROM plan_push_items
                WHERE status <> 'Pushed' AND next_attempt_at <= {now} AND lease_until <= {now} AND date >= {from}
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return claimed.SingleOrDefault();
    }

    /// <summary>Applies <paramref name="apply"/> (what the calendar now holds) to the claimed copy and to the row, committed at once.</summary>
    private async Task RecordAsync(PlanPushItem item, Action<PlanPushItem> apply, CancellationToken cancellationToken)
    {
        apply(item);
        await WithLockedRowAsync(item, row =>
        {
            apply(row);
            return true;
        }, cancellationToken);
    }

    private async Task FinishAsync(PlanPushItem item, string? attempted, CalendarPushException? failure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await WithLockedRowAsync(item, row =>
        {
            row.LeaseUntil = now;
            var current = row.DesiredHash == attempted;
            if (failure is null)
            {
                if (!current)
                {
                    return true;
                }

                if (attempted is null)
                {
                    db.PlanPushItems.Remove(row);
                    return true;
                }

                row.Status = PushStatus.Pushed;
                row.Attempts = 0;
                row.Error = null;
                return true;
            }

            row.Attempts++;
            var wait = options.Value.Backoff(row.Attempts);
            if (failure.RetryAfter is { } retryAfter && retryAfter > wait)
            {
                wait = retryAfter;
            }

            row.NextAttemptAt = current || failure.RetryAfter is not null ? now + wait : now;
            if (current)
            {
                row.Status = PushStatus.Failed;
                row.Error = failure.Message.Length > 1000 ? failure.Message[..1000] : failure.Message;
            }

            return true;
        }, cancellationToken);

        if (failure?.RetryAfter is { } hold)
        {
            // The calendar asked us to wait: its other due sessions wait too instead of each meeting the same 429.
            var until = now + hold;
            await db.PlanPushItems.Where(i => i.Target == item.Target && i.Status != PushStatus.Pushed && i.NextAttemptAt < until)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.NextAttemptAt, until), cancellationToken);
        }
    }

    private async Task WithLockedRowAsync(PlanPushItem item, Func<PlanPushItem, bool> change, CancellationToken cancellationToken)
    {
        var target = item.Target.ToString();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await db.PlanPushItems
                .FromSql($"SELECT * FROM plan_push_items WHERE target = {target} AND session_key = {item.SessionKey} FOR UPDATE")
                .ToListAsync(ct);
            if (rows is [var row] && change(row))
            {
                row.UpdatedAt = time.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }
}
