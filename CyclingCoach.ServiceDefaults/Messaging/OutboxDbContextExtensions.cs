using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.ServiceDefaults.Messaging;

public static class OutboxDbContextExtensions
{
    internal static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Queues <paramref name="message"/> for publishing. It is written by the caller's next SaveChanges, in the same
    /// transaction as the change, and published by <see cref="OutboxRelay{TContext}"/> after commit.
    /// </summary>
    public static OutboxMessage AddOutboxMessage<T>(this DbContext db, T message) where T : class
    {
        var entry = new OutboxMessage
        {
            MessageType = typeof(T).AssemblyQualifiedName ?? typeof(T).FullName!,
            Payload = JsonSerializer.Serialize(message, PayloadOptions),
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null,
        };
        db.Set<OutboxMessage>().Add(entry);
        return entry;
    }
}
