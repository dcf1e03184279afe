using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.ServiceDefaults.Messaging;

/// <summary>
/// Base for consumers that change the service's database: the change, the processed-message record and any outbox
/// events the handler adds commit in one transaction, so a redelivered message (same MessageId) changes nothing.
/// </summary>
public abstract class IdempotentConsumer<TContext, TMessage>(TContext db) : IConsumer<TMessage>
    where TContext : DbContext
    where TMessage : class
{
    protected TContext Db => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("Message has no MessageId; cannot deduplicate.");
        var consumer = GetType().Name;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var seen = await db.Set<ProcessedMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, ct);
            if (seen)
            {
                return;
            }

            await HandleAsync(context, ct);
            db.Set<ProcessedMessage>().Add(new ProcessedMessage { MessageId = messageId, Consumer = consumer });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, context.CancellationToken);
        OnCommitted(context.Message);
    }

    /// <summary>Runs after the handler's transaction committed (not for a skipped redelivery's work, which was done before).</summary>
    protected virtual void OnCommitted(TMessage message)
    {
    }

    /// <summary>Applies the message to <see cref="Db"/>; do not call SaveChanges (the base class commits).</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
