using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>
/// Stores the new active plan's sessions as the desired state and plans the calendar work (<see cref="PlanPushPlanner"/>);
/// the <see cref="PlanPushWorker"/> then pushes it. A version older than the one applied (late delivery) changes
/// nothing; a redelivery is skipped by message id.
/// </summary>
public sealed class PlanVersionCreatedConsumer(SyncDbContext db, PlanPushSignal signal, TimeProvider time, ILogger<PlanVersionCreatedConsumer> logger)
    : IdempotentConsumer<SyncDbContext, PlanVersionCreated>(db)
{
    protected override async Task HandleAsync(ConsumeContext<PlanVersionCreated> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (message.Sessions is null)
        {
            logger.LogInformation("Plan version {Version} came without sessions (an older publisher); nothing to push", message.Version);
            return;
        }

        var settings = await PlanPushPlanner.LockSettingsAsync(Db, cancellationToken);
        if (settings.PlanCreatedAt is { } applied && applied >= message.CreatedAt.UtcDateTime)
        {
            logger.LogInformation("Ignoring plan version {Version}; a newer one is applied", message.Version);
            return;
        }

        settings.PlanId = message.PlanId;
        settings.PlanVersion = message.Version;
        settings.PlanCreatedAt = message.CreatedAt.UtcDateTime;

        var stored = await Db.PlannedSessions.ToDictionaryAsync(s => s.Key, cancellationToken);
        var sessions = new List<PlannedSessionRecord>();
        foreach (var session in message.Sessions.GroupBy(PlanSessionKeys.Of).Select(g => g.First()))
        {
            var key = PlanSessionKeys.Of(session);
            var hash = PlanPushPlanner.Hash(session);
            if (stored.Remove(key, out var row))
            {
                row.Hash = hash;
                row.Session = session;
            }
            else
            {
                row = new PlannedSessionRecord { Key = key, Date = session.Date, Slot = session.Slot, Hash = hash, Session = session };
                Db.PlannedSessions.Add(row);
            }

            sessions.Add(row);
        }

        Db.PlannedSessions.RemoveRange(stored.Values);
        await PlanPushPlanner.ReconcileAsync(Db, settings, sessions, time.GetUtcNow().UtcDateTime, cancellationToken);
        logger.LogInformation("Plan version {Version}: {Sessions} sessions stored for the calendars", message.Version, sessions.Count);
    }

    protected override void OnCommitted(PlanVersionCreated message) => signal.Notify();
}
