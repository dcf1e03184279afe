using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Plans;
using CyclingCoach.ServiceDefaults.Api;
using CyclingCoach.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Apis;

public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coach/plans").WithTags("Plans");
        api.MapPost("/generate", GeneratePlan).WithName("GeneratePlan")
            .WithSummary("Generate a plan from the active rules, the athlete and current fitness; stored as the new current version");
        api.MapGet("/current", GetCurrentPlan).WithName("GetCurrentPlan");
        api.MapGet("/current/days/{date}", GetPlannedDay).WithName("GetPlannedDay").WithSummary("The planned sessions for a date");
        api.MapGet("/current/compliance", GetCompliance).WithName("GetPlanCompliance")
            .WithSummary("Planned vs done per day, each ride matched to its day, with a compliance score");
        api.MapPost("/undo", UndoPlan).WithName("UndoPlan").WithSummary("A new version equal to the current version's parent");
        api.MapGet("/versions", ListPlanVersions).WithName("ListPlanVersions").WithSummary("Every version, newest first, with what created it");
        api.MapGet("/diff", DiffPlans).WithName("DiffPlans").WithSummary("Day-by-day changes from one version to another");
        api.MapGet("/{id:guid}", GetPlan).WithName("GetPlan");
        return app;
    }

    public static async Task<Results<Created<PlanVersionResponse>, ValidationProblem, ProblemHttpResult>> GeneratePlan(
        PlanGenerateRequest? request, PlanService plans, CoachClock clock, CancellationToken cancellationToken)
    {
        request ??= new PlanGenerateRequest(null, null, null);
        var errors = request.Validate(clock.Today);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return Written(await plans.GenerateAsync(request, cancellationToken));
    }

    public static async Task<Results<Created<PlanVersionResponse>, ValidationProblem, ProblemHttpResult>> UndoPlan(PlanService plans, CancellationToken cancellationToken) =>
        Written(await plans.UndoAsync(cancellationToken));

    /// <summary>201 with the new version, 409 for a conflict, 422 with the violations of a refused plan.</summary>
    public static Results<Created<PlanVersionResponse>, ValidationProblem, ProblemHttpResult> Written(PlanWriteResult result)
    {
        if (result.Version is { } version)
        {
            return TypedResults.Created($"/api/coach/plans/{version.Id}", PlanVersionResponse.From(version));
        }

        return result.Conflict is { } conflict
            ? TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: ProblemTypes.Conflict)
            : PlanRefused(result.Violations);
    }

    public static ProblemHttpResult PlanRefused(IReadOnlyList<string> violations) => TypedResults.Problem(
        "The plan breaks the rules and could not be repaired; nothing was stored.",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Plan refused",
        type: CoachProblemTypes.PlanRefused,
        extensions: new Dictionary<string, object?> { ["violations"] = violations });

    public static async Task<Results<Ok<PlanVersionResponse>, NotFound>> GetCurrentPlan(PlanService plans, CancellationToken cancellationToken) =>
        await plans.CurrentAsync(cancellationToken) is { } current ? TypedResults.Ok(PlanVersionResponse.From(current)) : TypedResults.NotFound();

    public static async Task<Results<Ok<PlanVersionResponse>, NotFound>> GetPlan(CoachingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } plan
            ? TypedResults.Ok(PlanVersionResponse.From(plan))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PlannedDayResponse>, NotFound, ValidationProblem>> GetPlannedDay(PlanService plans, string date, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = ["date must be yyyy-MM-dd."] });
        }

        var current = await plans.CurrentAsync(cancellationToken);
        var week = current?.Plan.Weeks.FirstOrDefault(w => w.Days.Any(d => d.Date == day));
        if (current is null || week is null)
        {
            return TypedResults.NotFound();
        }

        var planned = week.Days.First(d => d.Date == day);
        return TypedResults.Ok(new PlannedDayResponse(day, week.WeekNumber, week.Focus, planned.IsRest, planned.Workouts, current.Id));
    }

    public static async Task<Results<Ok<ComplianceResponse>, NotFound, ValidationProblem>> GetCompliance(
        PlanService plans, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (from > to || (from is { } f && to is { } t && t.DayNumber - f.DayNumber > 366))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from must not be after to, and the range at most a year."] });
        }

        return await plans.ComplianceAsync(from, to, cancellationToken) is { } compliance ? TypedResults.Ok(compliance) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<PagedResult<PlanVersionSummary>>, ValidationProblem>> ListPlanVersions(
        CoachingDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var total = await db.Plans.CountAsync(cancellationToken);
        var items = await db.Plans.AsNoTracking().OrderByDescending(p => p.Version).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<PlanVersionSummary>(items.ConvertAll(PlanVersionSummary.From), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<PlanDiffResponse>, ValidationProblem, NotFound>> DiffPlans(
        CoachingDbContext db, Guid? from, Guid? to, CancellationToken cancellationToken)
    {
        if (from is null || to is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Give the two version ids: ?from=…&to=…"] });
        }

        var rows = await db.Plans.AsNoTracking().Where(p => p.Id == from || p.Id == to).ToListAsync(cancellationToken);
        var a = rows.FirstOrDefault(p => p.Id == from);
        var b = rows.FirstOrDefault(p => p.Id == to);
        return a is null || b is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new PlanDiffResponse(new PlanVersionRef(a.Id, a.Version), new PlanVersionRef(b.Id, b.Version), PlanDiff.Compare(a.Plan, b.Plan)));
    }
}
