using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;

namespace CyclingCoach.Coaching.Prompts;

/// <summary>Records every AI call in its own scope and SaveChanges, so a call whose caller rolls back is still logged.</summary>
public sealed class AiCallLog(IServiceScopeFactory scopes) : IAiCallLog
{
    public async Task RecordAsync(AiCallRecord r, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        db.AiCalls.Add(new AiCall
        {
            Action = r.Action,
            PromptId = r.PromptId,
            PromptVersion = r.PromptVersion,
            ModelRequested = r.ModelRequested,
            ModelUsed = r.ModelUsed,
            InputTokens = r.InputTokens,
            OutputTokens = r.OutputTokens,
            Cost = r.Cost,
            LatencyMilliseconds = r.LatencyMilliseconds,
            Outcome = r.Outcome,
            Attempts = r.Attempts,
            ResponseId = r.ResponseId,
            Error = r.Error is { Length: > 2000 } e ? e[..2000] : r.Error,
            StartedAt = r.StartedAt.UtcDateTime,
        });
        await db.SaveChangesAsync(CancellationToken.None); // recorded even when the caller gave up
    }
}
