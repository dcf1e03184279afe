using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Rules;
using CyclingCoach.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Apis;

public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coach/rules").WithTags("Rules");
        api.MapPost("/parse", ParseRules).WithName("ParseRules")
            .WithSummary("Turn plain-words rules into structured rules and list the phrases not understood; saves nothing");
        api.MapPost("/", SaveRules).WithName("SaveRules")
            .WithSummary("Save a new version (parent = the active one, version + 1); parses the text unless rules are given");
        api.MapGet("/active", GetActiveRules).WithName("GetActiveRules");
        api.MapGet("/versions", ListRuleVersions).WithName("ListRuleVersions").WithSummary("Every version, newest first");
        api.MapGet("/diff", DiffRules).WithName("DiffRules").WithSummary("Field-by-field changes from one version to another");
        api.MapGet("/{id:guid}", GetRules).WithName("GetRules");
        return app;
    }

    public static async Task<Results<Ok<RuleParseResponse>, ValidationProblem>> ParseRules(
        RuleParseRequest request, RuleSetService rules, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await rules.ParseAsync(request.Text!, cancellationToken));
    }

    public static async Task<Results<Created<RuleSetResponse>, ValidationProblem>> SaveRules(
        RuleSetSaveRequest request, RuleSetService rules, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var saved = await rules.SaveAsync(request, cancellationToken);
        return TypedResults.Created($"/api/coach/rules/{saved.Id}", RuleSetResponse.From(saved));
    }

    public static async Task<Results<Ok<RuleSetResponse>, NotFound>> GetActiveRules(RuleSetService rules, CancellationToken cancellationToken) =>
        await rules.ActiveAsync(cancellationToken) is { } active ? TypedResults.Ok(RuleSetResponse.From(active)) : TypedResults.NotFound();

    public static async Task<Results<Ok<RuleSetResponse>, NotFound>> GetRules(CoachingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.RuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } rules
            ? TypedResults.Ok(RuleSetResponse.From(rules))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedResult<RuleSetResponse>>, ValidationProblem>> ListRuleVersions(
        CoachingDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var total = await db.RuleSets.CountAsync(cancellationToken);
        var items = await db.RuleSets.AsNoTracking().OrderByDescending(r => r.Version).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<RuleSetResponse>(items.ConvertAll(RuleSetResponse.From), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<RuleSetDiffResponse>, ValidationProblem, NotFound>> DiffRules(
        CoachingDbContext db, Guid? from, Guid? to, CancellationToken cancellationToken)
    {
        if (from is null || to is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Give the two version ids: ?from=…&to=…"] });
        }

        var rows = await db.RuleSets.AsNoTracking().Where(r => r.Id == from || r.Id == to).ToListAsync(cancellationToken);
        var a = rows.FirstOrDefault(r => r.Id == from);
        var b = rows.FirstOrDefault(r => r.Id == to);
        if (a is null || b is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new RuleSetDiffResponse(new VersionRef(a.Id, a.Version), new VersionRef(b.Id, b.Version), RuleSetDiff.Compare(a.Rules, b.Rules, CoachJson.Options)));
    }
}
