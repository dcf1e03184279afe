using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace CyclingCoach.Coaching.Ai;

/// <summary>What the attempts of one AI call add up to, and the <see cref="AiCallRecord"/> they make.</summary>
internal sealed class AiCallTally(AiPrompt prompt, string modelRequested, TimeProvider time)
{
    private readonly DateTimeOffset startedAt = time.GetUtcNow();
    private readonly long startTimestamp = time.GetTimestamp();
    private string? modelUsed;
    private string? responseId;
    private long? inputTokens;
    private long? outputTokens;
    private double? cost;

    public AiPrompt Prompt { get; } = prompt;

    public int Attempts { get; set; }

    public void Add(ChatResponse response)
    {
        Seen(response.ModelId, response.ResponseId);
        AddUsage(response.Usage, response.RawRepresentation is ChatCompletion completion ? CostOf(completion.Usage) : null);
    }

    /// <summary>Streaming: usage arrives in a final chunk of its own (and once per round of a tool loop).</summary>
    public void Add(ChatResponseUpdate update)
    {
        Seen(update.ModelId, update.ResponseId);
        foreach (var usage in update.Contents.OfType<UsageContent>())
        {
            AddUsage(usage.Details, CostOf(usage.RawRepresentation as ChatTokenUsage));
        }
    }

    public AiCallRecord ToRecord(AiCallOutcome outcome, string? error) => new(Prompt.Action, Prompt.PromptId, Prompt.PromptVersion,
        modelRequested, modelUsed, inputTokens, outputTokens, cost, time.GetElapsedTime(startTimestamp).TotalMilliseconds,
        outcome, Attempts, responseId, error, startedAt);

    /// <summary>Records the call even when the caller gave up (it happened and may have cost money); never throws.</summary>
    public async Task RecordAsync(IAiCallLog log, ILogger logger, AiCallOutcome outcome, string? error)
    {
        try
        {
            await log.RecordAsync(ToRecord(outcome, error), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not record the AI {Action} call ({Outcome})", Prompt.Action, outcome);
        }
    }

    private void Seen(string? model, string? id)
    {
        modelUsed = model ?? modelUsed;
        responseId = id ?? responseId;
    }

    private void AddUsage(UsageDetails? usage, double? callCost)
    {
        inputTokens = Sum(inputTokens, usage?.InputTokenCount);
        outputTokens = Sum(outputTokens, usage?.OutputTokenCount);
        cost = callCost is null ? cost : (cost ?? 0) + callCost;
    }

#pragma warning disable SCME0001 // JsonPatch is experimental; OpenRouter's usage.cost is outside the OpenAI model
    private static double? CostOf(ChatTokenUsage? usage) => usage is not null && usage.Patch.TryGetValue("$.cost"u8, out double value) ? value : null;
#pragma warning restore SCME0001

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
