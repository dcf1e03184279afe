using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CyclingCoach.ServiceDefaults.Messaging;

/// <summary>Wakes the relay after a save that wrote outbox rows still waiting to be published.</summary>
public sealed class OutboxSaveChangesInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Inside an explicit transaction this fires before commit; the relay then finds nothing yet and its next
        // poll picks the rows up, so the wake-up is an optimisation, never a correctness requirement.
        if (eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.PublishedAt is null) == true)
        {
            signal.Notify();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
