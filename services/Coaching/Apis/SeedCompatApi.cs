using System.Text.Json.Serialization;
using CyclingCoach.Coaching.Analyses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyclingCoach.Coaching.Apis;

/// <summary>
/// The seed plan's URLs Coaching answers (ARCHITECTURE.md, "The seed plan's URLs"), in the seed's shapes (snake_case,
/// <c>new_plan_id</c>): the gateway's <c>SeedCompatRoutes</c> map <c>POST /api/workouts/{id}/analyze</c> and
/// <c>POST /api/analyses/{id}/approve</c> here; new clients use the <c>/api/coach/…</c> endpoints.
/// </summary>
public static class SeedCompatApi
{
    public static IEndpointRouteBuilder MapSeedCompatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coach/seed").WithTags("Seed compatibility");
        api.MapPost("/workouts/{id:guid}/analyze", Analyze).WithName("SeedAnalyzeWorkout")
            .WithSummary("Seed path POST /api/workouts/{id}/analyze (through the gateway)");
        api.MapPost("/analyses/{id:guid}/approve", Approve).WithName("SeedApproveAnalysis")
            .WithSummary("Seed path POST /api/analyses/{id}/approve: approves every suggestion, returns new_plan_id");
        return app;
    }

    public static async Task<Results<Accepted<SeedAnalyzeResponse>, NotFound>> Analyze(AnalysisService analyses, Guid id, CancellationToken cancellationToken) =>
        await analyses.RequestAsync(id, cancellationToken) is { } analysis
            ? TypedResults.Accepted($"/api/coach/analyses/{analysis.Id}", new SeedAnalyzeResponse("Analysis started", id, analysis.Id))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<SeedApproveResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Approve(
        AnalysisService analyses, Guid id, CancellationToken cancellationToken) =>
        AnalysesApi.Decided(await analyses.ApproveAsync(id, null, cancellationToken), r => new SeedApproveResponse("Analysis approved", r.NewPlanId));
}

public sealed record SeedAnalyzeResponse(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("workout_id")] Guid WorkoutId,
    [property: JsonPropertyName("analysis_id")] Guid AnalysisId);

public sealed record SeedApproveResponse(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("new_plan_id")] Guid? NewPlanId);
