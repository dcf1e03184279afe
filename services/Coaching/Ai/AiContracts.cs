namespace CyclingCoach.Coaching.Ai;

/// <summary>What an AI call is for; prompts are versioned per action × model.</summary>
public enum AiAction
{
    RuleParsing,
    PlanGeneration,
    WorkoutAnalysis,
    PlanEvolution,
    Chat,
}

/// <summary>The active prompt version for an action and model, as stored.</summary>
public sealed record PromptTemplate(Guid Id, AiAction Action, string Model, int Version, string Template);

/// <summary>Reads the active prompt (the store falls back to the action's default-model row when the model has none).</summary>
public interface IPromptSource
{
    Task<PromptTemplate?> GetActiveAsync(AiAction action, string model, CancellationToken cancellationToken);
}

public enum AiCallOutcome
{
    Success,
    Repaired,
    InvalidOutput,
    ProviderError,
    RateLimited,
    PaymentRequired,
    Timeout,
    Cancelled,
}

/// <summary>One AI call as the log keeps it (GET /api/coach/ai-calls).</summary>
public sealed record AiCallRecord(
    AiAction Action,
    Guid? PromptId,
    int? PromptVersion,
    string ModelRequested,
    string? ModelUsed,
    long? InputTokens,
    long? OutputTokens,
    double? Cost,
    double LatencyMilliseconds,
    AiCallOutcome Outcome,
    int Attempts,
    string? ResponseId,
    string? Error,
    DateTimeOffset StartedAt);

/// <summary>Writes AI call records; the store commits each on its own, so a failed call is still recorded.</summary>
public interface IAiCallLog
{
    Task RecordAsync(AiCallRecord record, CancellationToken cancellationToken);
}
