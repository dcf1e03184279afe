using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Prompts;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Apis;

public static class PromptsApi
{
    public static IEndpointRouteBuilder MapPromptsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coach/prompts").WithTags("Prompts");
        api.MapGet("/", ListPrompts).WithName("ListPrompts").WithSummary("Prompt versions, filtered by action and model, newest first");
        api.MapGet("/placeholders", GetPlaceholders).WithName("GetPromptPlaceholders").WithSummary("The {{name}} placeholders each action's prompt may use");
        api.MapPost("/", CreatePrompt).WithName("CreatePrompt")
            .WithSummary("Save a new version for an action × model (the previous one is deactivated); unknown placeholders are refused");
        api.MapGet("/{id:guid}", GetPrompt).WithName("GetPrompt");
        api.MapPost("/{id:guid}/activate", ActivatePrompt).WithName("ActivatePrompt").WithSummary("Make this version the active one (roll back)");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<PromptResponse>>, ValidationProblem>> ListPrompts(
        CoachingDbContext db, string? action, string? model, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        var actionFilter = EnumParameter.Parse<AiAction>(action, "action", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Prompts.AsNoTracking();
        query = actionFilter is null ? query : query.Where(p => p.Action == actionFilter);
        query = model is null ? query : query.Where(p => p.Model == model);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.Action).ThenBy(p => p.Model).ThenByDescending(p => p.Version)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<PromptResponse>(items.ConvertAll(PromptResponse.From), paging.Page, paging.PageSize, total));
    }

    public static Ok<IReadOnlyList<PromptPlaceholdersResponse>> GetPlaceholders() => TypedResults.Ok<IReadOnlyList<PromptPlaceholdersResponse>>(
        PromptPlaceholders.Allowed.Select(a => new PromptPlaceholdersResponse(a.Key, [.. a.Value.Order()])).ToList());

    public static async Task<Results<Ok<PromptResponse>, NotFound>> GetPrompt(CoachingDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Prompts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } prompt
            ? TypedResults.Ok(PromptResponse.From(prompt))
            : TypedResults.NotFound();

    public static async Task<Results<Created<PromptResponse>, ValidationProblem>> CreatePrompt(
        PromptCreateRequest request, PromptStore prompts, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Action is not { } action)
        {
            errors["action"] = [$"action must be one of {string.Join(", ", Enum.GetValues<AiAction>().Select(EnumParameter.Spell))}."];
        }
        else if (string.IsNullOrWhiteSpace(request.Template) || request.Template.Length > 50_000)
        {
            errors["template"] = ["The template must have 1 to 50,000 characters."];
        }
        else if (PromptPlaceholders.ValidateTemplate(action, request.Template) is { Count: > 0 } unknown)
        {
            errors["template"] = [$"Unknown placeholders for {EnumParameter.Spell(action)}: {string.Join(", ", unknown.Select(n => $"{{{{{n}}}}}"))}. Allowed: {string.Join(", ", PromptPlaceholders.Allowed[action].Order())}."];
        }

        var model = string.IsNullOrWhiteSpace(request.Model) ? PromptStore.DefaultModel : request.Model.Trim();
        if (model.Length > 120)
        {
            errors["model"] = ["At most 120 characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var created = await prompts.CreateAsync(request.Action!.Value, model, request.Template!, "user", cancellationToken);
        return TypedResults.Created($"/api/coach/prompts/{created.Id}", PromptResponse.From(created));
    }

    public static async Task<Results<Ok<PromptResponse>, NotFound>> ActivatePrompt(PromptStore prompts, Guid id, CancellationToken cancellationToken) =>
        await prompts.ActivateAsync(id, cancellationToken) is { } prompt ? TypedResults.Ok(PromptResponse.From(prompt)) : TypedResults.NotFound();
}

/// <param name="Model">The model id the prompt is for; "default" (or absent) serves every model without its own.</param>
public sealed record PromptCreateRequest(AiAction? Action, string? Model, string? Template);

public sealed record PromptPlaceholdersResponse(AiAction Action, IReadOnlyList<string> Placeholders);

public sealed record PromptResponse(Guid Id, AiAction Action, string Model, int Version, Guid? ParentId, string Template, bool IsActive, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static PromptResponse From(PromptVersion p) =>
        new(p.Id, p.Action, p.Model, p.Version, p.ParentId, p.Template, p.IsActive, p.CreatedBy, p.CreatedAt.AsUtcOffset());
}
