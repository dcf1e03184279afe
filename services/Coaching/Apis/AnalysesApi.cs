using System.Diagnostics;
using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using CyclingCoach.ServiceDefaults.Api;
using CyclingCoach.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Apis;

public static class AnalysesApi
{
    public static IEndpointRouteBuilder MapAnalysesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/coach/workouts/{id:guid}/analyze", AnalyzeWorkout).WithTags("Analyses").WithName("AnalyzeWorkout")
            .WithSummary("Queue an analysis of the workout (202 with the pending analysis to poll; AnalysisCompleted follows on /api/events)");

        var api = app.MapGroup("/api/coach/analyses").WithTags("Analyses");
        api.MapGet("/", ListAnalyses).WithName("ListAnalyses").WithSummary("Newest first; filter by status, type or workout");
        api.MapGet("/{id:guid}", GetAnalysis).WithName("GetAnalysis");
        api.MapPost("/{id:guid}/approve", ApproveAnalysis).WithName("ApproveAnalysis")
            .WithSummary("Approve all or chosen suggestions: plan operations become a new plan version (validated); approving again changes nothing");
        api.MapPost("/{id:guid}/reject", RejectAnalysis).WithName("RejectAnalysis").WithSummary("Reject all or chosen pending suggestions, with a reason");

        api.MapGet("/week/{monday}", GetWeek).WithName("GetAnalysesWeek")
            .WithSummary("The pending suggestions of the analyses about a Monday–Sunday week, in the order approving the week applies them, each saying whether it would");
        api.MapPost("/week/{monday}/approve", ApproveWeek).WithName("ApproveAnalysesWeek")
            .WithSummary("Apply every plan operation the week waits on as one new plan version (one transaction); what no longer fits, threshold changes and open choices stay pending and are listed");
        api.MapPost("/week/{monday}/reject", RejectWeek).WithName("RejectAnalysesWeek").WithSummary("Reject every pending suggestion of the week, with a reason");
        return app;
    }

    public static async Task<Results<Accepted<AnalysisResponse>, NotFound>> AnalyzeWorkout(AnalysisService analyses, CoachingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await analyses.RequestAsync(id, cancellationToken) is { } analysis
            ? TypedResults.Accepted($"/api/coach/analyses/{analysis.Id}", await AnalysisResponse.ForAsync(db, analysis, cancellationToken))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedResult<AnalysisResponse>>, ValidationProblem>> ListAnalyses(
        CoachingDbContext db, int? page, int? pageSize, string? status, string? type, Guid? workoutId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        var statusFilter = EnumParameter.Parse<AnalysisStatus>(status, "status", errors);
        var typeFilter = EnumParameter.Parse<AnalysisType>(type, "type", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Analyses.AsNoTracking();
        query = statusFilter is null ? query : query.Where(a => a.Status == statusFilter);
        query = typeFilter is null ? query : query.Where(a => a.Type == typeFilter);
        query = workoutId is null ? query : query.Where(a => a.WorkoutId == workoutId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<AnalysisResponse>(await AnalysisResponse.ForAsync(db, items, cancellationToken), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<AnalysisResponse>, NotFound>> GetAnalysis(CoachingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } analysis
            ? TypedResults.Ok(await AnalysisResponse.ForAsync(db, analysis, cancellationToken))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<ApproveResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ApproveAnalysis(
        AnalysisService analyses, CoachingDbContext db, Guid id, ApproveRequest? request, CancellationToken cancellationToken) =>
        await DecidedAsync(db, await analyses.ApproveAsync(id, request?.SuggestionIds, cancellationToken), cancellationToken);

    public static async Task<Results<Ok<ApproveResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RejectAnalysis(
        AnalysisService analyses, CoachingDbContext db, Guid id, RejectRequest? request, CancellationToken cancellationToken)
    {
        if (request?.Reason is { Length: > 1000 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 1000 characters."] });
        }

        return await DecidedAsync(db, await analyses.RejectAsync(id, request ?? new RejectRequest(null, null), cancellationToken), cancellationToken);
    }

    /// <summary>The HTTP answer to an approve or reject: <paramref name="ok"/> shapes the 200 body.</summary>
    public static Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult> Decided<T>(Decision decision, Func<Decision.Made, T> ok) => decision switch
    {
        Decision.Made made => TypedResults.Ok(ok(made)),
        Decision.AnalysisNotFound => TypedResults.NotFound(),
        Decision.InvalidChoice invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["suggestionIds"] = [invalid.Detail] }),
        Decision.PlanRefused refused => PlansApi.PlanRefused(refused.Violations),
        Decision.Conflict conflict => TypedResults.Problem(conflict.Detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: ProblemTypes.Conflict),
        _ => throw new UnreachableException($"No answer for {decision}."),
    };

    private static async Task<Results<Ok<ApproveResponse>, NotFound, ValidationProblem, ProblemHttpResult>> DecidedAsync(
        CoachingDbContext db, Decision decision, CancellationToken cancellationToken)
    {
        var view = decision is Decision.Made made ? await AnalysisResponse.ForAsync(db, made.Analysis, cancellationToken) : null;
        return Decided(decision, m => new ApproveResponse(view!, m.NewPlanId));
    }

    public static async Task<Results<Ok<WeekResponse>, ValidationProblem>> GetWeek(WeekReview week, DateOnly monday, CancellationToken cancellationToken) =>
        NotMonday(monday) is { } invalid ? invalid : TypedResults.Ok(await week.GetAsync(monday, cancellationToken));

    public static async Task<Results<Ok<WeekDecisionResponse>, ValidationProblem, ProblemHttpResult>> ApproveWeek(WeekReview week, DateOnly monday, CancellationToken cancellationToken) =>
        NotMonday(monday) is { } invalid ? invalid : WeekDecided(await week.ApproveAsync(monday, cancellationToken));

    public static async Task<Results<Ok<WeekDecisionResponse>, ValidationProblem, ProblemHttpResult>> RejectWeek(
        WeekReview week, DateOnly monday, WeekRejectRequest? request, CancellationToken cancellationToken)
    {
        if (NotMonday(monday) is { } invalid)
        {
            return invalid;
        }

        if (request?.Reason is { Length: > 1000 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 1000 characters."] });
        }

        return WeekDecided(await week.RejectAsync(monday, request?.Reason?.Trim(), cancellationToken));
    }

    private static ValidationProblem? NotMonday(DateOnly monday) => monday.DayOfWeek == DayOfWeek.Monday
        ? null
        : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["monday"] = [$"{monday:yyyy-MM-dd} is a {monday.DayOfWeek}; a week starts on a Monday."] });

    private static Results<Ok<WeekDecisionResponse>, ValidationProblem, ProblemHttpResult> WeekDecided(WeekDecisionResult result) => result switch
    {
        { Response: { } response } => TypedResults.Ok(response),
        { Conflict: { } conflict } => TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: ProblemTypes.Conflict),
        _ => PlansApi.PlanRefused(result.Violations),
    };
}
