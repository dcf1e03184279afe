namespace CyclingCoach.Coaching.Model;

/// <summary>Audit of the only in-place changes versioned data allows: active and approval flags.</summary>
public sealed class FlagChange
{
    public long Id { get; init; }
    public required string Entity { get; init; }
    public Guid EntityId { get; init; }
    public required string Flag { get; init; }
    public required string Value { get; init; }
    public required string ChangedBy { get; init; }
    public DateTime ChangedAt { get; init; } = DateTime.UtcNow;
}
