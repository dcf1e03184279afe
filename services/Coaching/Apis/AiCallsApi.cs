using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Model;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Apis;

public static class AiCallsApi
{
    public static IEndpointRouteBuilder MapAiApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/coach/ai-calls", ListAiCalls).WithTags("AI").WithName("ListAiCalls")
            .WithSummary("Every LLM call, newest first: action, prompt version, model, tokens, cost, latency, outcome");
        app.MapGet("/api/coach/status", GetStatus).WithTags("AI").WithName("GetCoachStatus")
            .WithSummary("Which engine is active and why");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<AiCallResponse>>, ValidationProblem>> ListAiCalls(
        CoachingDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var total = await db.AiCalls.CountAsync(cancellationToken);
        var items = await db.AiCalls.AsNoTracking().OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<AiCallResponse>(items.ConvertAll(AiCallResponse.From), paging.Page, paging.PageSize, total));
    }

    public static Ok<CoachStatusResponse> GetStatus(AiStatus status, CoachEngines engines)
    {
        var s = status.Current;
        return TypedResults.Ok(new CoachStatusResponse(engines.ActiveName, s.Model, s.Reason, s.ModelListed, s.LastFailureAt, s.LastFailureOutcome, s.LastFailureError));
    }
}

/// <param name="Engine">"llm" or "builtin": the engine asked first (the built-in coach also answers when the LLM fails).</param>
public sealed record CoachStatusResponse(string Engine, string Model, string? Reason, bool? ModelListed, DateTimeOffset? LastFailureAt, AiCallOutcome? LastFailureOutcome, string? LastFailureError);

public sealed record AiCallResponse(
    Guid Id,
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
    DateTimeOffset StartedAt)
{
    public static AiCallResponse From(AiCall c) => new(
        c.Id, c.Action, c.PromptId, c.PromptVersion, c.ModelRequested, c.ModelUsed, c.InputTokens, c.OutputTokens, c.Cost,
        c.LatencyMilliseconds, c.Outcome, c.Attempts, c.ResponseId, c.Error, c.StartedAt.AsUtcOffset());
}
