using CyclingCoach.Coaching.Ai;

namespace CyclingCoach.Coaching.Model;

/// <summary>An immutable prompt version; one active per action × model.</summary>
public sealed class PromptVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public AiAction Action { get; init; }
    public required string Model { get; init; }
    public int Version { get; init; }
    public Guid? ParentId { get; init; }
    public required string Template { get; init; }
    public bool IsActive { get; set; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
