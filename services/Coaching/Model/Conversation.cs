namespace CyclingCoach.Coaching.Model;

/// <summary>An ask-the-coach conversation; its messages are kept in order.</summary>
public sealed class Conversation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public List<ConversationMessage> Messages { get; init; } = [];
}

public sealed class ConversationMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConversationId { get; init; }

    /// <summary>"user" or "assistant".</summary>
    public required string Role { get; init; }
    public required string Content { get; set; }

    /// <summary>For answers: "llm" or "builtin".</summary>
    public string? Engine { get; set; }

    /// <summary>Changes the coach proposed in this answer, waiting for approval like an analysis's.</summary>
    public List<Guid> ProposalIds { get; init; } = [];
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
