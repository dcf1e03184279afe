using CyclingCoach.Coaching.Ai;

namespace CyclingCoach.Coaching.Model;

/// <summary>One call to the LLM as recorded (<see cref="AiCallRecord"/>).</summary>
public sealed class AiCall
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public AiAction Action { get; init; }
    public Guid? PromptId { get; init; }
    public int? PromptVersion { get; init; }
    public required string ModelRequested { get; init; }
    public string? ModelUsed { get; init; }
    public long? InputTokens { get; init; }
    public long? OutputTokens { get; init; }
    public double? Cost { get; init; }
    public double LatencyMilliseconds { get; init; }
    public AiCallOutcome Outcome { get; init; }
    public int Attempts { get; init; }
    public string? ResponseId { get; init; }
    public string? Error { get; init; }
    public DateTime StartedAt { get; init; }
}
