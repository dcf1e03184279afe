using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Model;

/// <summary>An immutable version of the rider's rules: the text they wrote and the structured rules it became.</summary>
public sealed class RuleSetVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Version { get; init; }
    public Guid? ParentId { get; init; }
    public required string Name { get; init; }
    public required string Text { get; init; }
    public required RuleSet Rules { get; init; }
    public IReadOnlyList<string> NotUnderstood { get; init; } = [];

    /// <summary>The one flag that changes: the newest saved version is active.</summary>
    public bool IsActive { get; set; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
