using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;

namespace CyclingCoach.ServiceDefaults.Tests.Probe;

public sealed class NoteCreatedConsumer(ProbeDbContext db, HandledMessages handled) : IdempotentConsumer<ProbeDbContext, NoteCreated>(db)
{
    protected override Task HandleAsync(ConsumeContext<NoteCreated> context, CancellationToken cancellationToken)
    {
        Db.Receipts.Add(new Receipt { NoteId = context.Message.NoteId, MessageId = context.MessageId!.Value });
        handled.Add(context.MessageId!.Value);
        return Task.CompletedTask;
    }
}

/// <summary>Every MessageId the consumer's handler ran for (including runs whose transaction later failed).</summary>
public sealed class HandledMessages
{
    private readonly List<Guid> ids = [];

    public void Add(Guid id)
    {
        lock (ids)
        {
            ids.Add(id);
        }
    }

    public int Count(Guid id)
    {
        lock (ids)
        {
            return ids.Count(i => i == id);
        }
    }
}
