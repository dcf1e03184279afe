using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Ai;

/// <summary>What GET /api/coach/status reports about the AI: which engine runs and why.</summary>
/// <param name="Engine">"llm" when an API key is set, otherwise "builtin".</param>
/// <param name="Reason">Why the LLM is not (fully) in use, or null when nothing is wrong.</param>
/// <param name="ModelListed">Whether the start-up check found the model in /models; null before or without a check.</param>
public sealed record AiStatusSnapshot(
    string Engine,
    string Model,
    string? Reason,
    bool? ModelListed,
    DateTimeOffset? LastFailureAt,
    AiCallOutcome? LastFailureOutcome,
    string? LastFailureError);

/// <summary>The live AI status, updated by the model check and by every failed call.</summary>
public sealed class AiStatus
{
    public const string LlmEngine = "llm";
    public const string BuiltinEngine = "builtin";
    public const string NoApiKey = "no OpenRouter:ApiKey";
    public const string ModelNotListed = "model not found in /models";

    private AiStatusSnapshot _current;

    public AiStatus(IOptions<OpenRouterOptions> options)
    {
        var o = options.Value;
        _current = o.HasApiKey
            ? new(LlmEngine, o.Model, null, null, null, null, null)
            : new(BuiltinEngine, o.Model, NoApiKey, null, null, null, null);
    }

    public AiStatusSnapshot Current => Volatile.Read(ref _current);

    internal void ModelChecked(bool listed, string? failure) => Update(s => s with
    {
        ModelListed = failure is null ? listed : null,
        Reason = failure is not null ? $"model check failed: {failure}" : listed ? null : ModelNotListed,
    });

    internal void CallFailed(DateTimeOffset at, AiCallOutcome outcome, string error) => Update(s => s with
    {
        LastFailureAt = at,
        LastFailureOutcome = outcome,
        LastFailureError = error,
    });

    private void Update(Func<AiStatusSnapshot, AiStatusSnapshot> change)
    {
        AiStatusSnapshot seen, next;
        do
        {
            seen = Volatile.Read(ref _current);
            next = change(seen);
        }
        while (!ReferenceEquals(Interlocked.CompareExchange(ref _current, next, seen), seen));
    }
}
