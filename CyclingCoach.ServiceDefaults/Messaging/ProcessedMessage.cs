namespace CyclingCoach.ServiceDefaults.Messaging;

/// <summary>A message a consumer has already handled; its key makes a redelivery a no-op (ARCHITECTURE.md §5).</summary>
public sealed class ProcessedMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTime ProcessedAt { get; init; } = DateTime.UtcNow;
}
