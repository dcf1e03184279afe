namespace CyclingCoach.ServiceDefaults.Messaging;

/// <summary>
/// An integration event written in the same transaction as the change it describes (ARCHITECTURE.md §5). The relay publishes
/// it after commit with <see cref="Id"/> as the MassTransit MessageId, so a re-send is recognised by consumers.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string MessageType { get; init; }
    public required string Payload { get; init; }
    public string? TraceParent { get; init; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime? PublishedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
}
