using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Problems;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Apis;

public static class SyncRunsApi
{
    public static IEndpointRouteBuilder MapSyncRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sync/runs").WithTags("Sync runs");
        api.MapPost("/", StartRun)
            .WithName("StartSyncRun")
            .WithSummary("Start a sync run (202 + Location); 409 while the source has a run in progress");
        api.MapGet("/latest", GetLatest)
            .WithName("GetLatestSyncRun")
            .WithSummary("The most recent run (optionally of one source)");
        api.MapGet("/{id:guid}", GetRun)
            .WithName("GetSyncRun")
            .WithSummary("One run: status, counts, error, timings");
        return app;
    }

    public static async Task<Results<Accepted<SyncRunResponse>, ValidationProblem, ProblemHttpResult>> StartRun(
        StartSyncRunRequest request, SyncRunQueue queue, IOptions<SyncOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Source is not (WorkoutSource.Garmin or WorkoutSource.IntervalsIcu))
        {
            errors["source"] = ["source must be 'garmin' or 'intervals_icu'."];
        }

        var max = options.Value.MaxDaysBack;
        if (request.DaysBack is not null && (request.From is not null || request.To is not null))
        {
            errors["daysBack"] = ["Give daysBack or from/to, not both."];
        }
        else if (request.DaysBack is < 1 || request.DaysBack > max)
        {
            errors["daysBack"] = [$"daysBack must be between 1 and {max}."];
        }

        if (request.From is { } f && request.To is { } t && f >= t)
        {
            errors["from"] = ["from must be before to."];
        }
        else if (request.From is { } f2 && (request.To ?? time.GetUtcNow()) - f2 > TimeSpan.FromDays(max))
        {
            errors["from"] = [$"The window is limited to {max} days."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var from = request.DaysBack is { } days ? time.GetUtcNow().AddDays(-days) : request.From;
        var result = await queue.EnqueueAsync(request.Source!.Value, from, request.To, "manual", cancellationToken);
        if (result.Run is null)
        {
            var problem = new ProblemDetails
            {
                Status = 409,
                Type = ProblemTypes.Conflict,
                Title = "A sync run is already in progress",
                Detail = $"A {request.Source} run is in progress; wait for it to finish.",
                Instance = result.ConflictingRunId is { } id ? $"/api/sync/runs/{id}" : null,
            };
            problem.Extensions["runId"] = result.ConflictingRunId;
            return TypedResults.Problem(problem);
        }

        return TypedResults.Accepted($"/api/sync/runs/{result.Run.Id}", SyncRunResponse.Create(result.Run));
    }

    public static async Task<Results<Ok<SyncRunResponse>, NotFound, ValidationProblem>> GetLatest(SyncDbContext db, string? source, CancellationToken cancellationToken)
    {
        if (!SourceParameter.TryParse(source, out var only))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["source"] = SourceParameter.Error });
        }

        var query = db.SyncRuns.AsNoTracking();
        if (only is { } s)
        {
            query = query.Where(r => r.Source == s);
        }

        var run = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return run is null ? TypedResults.NotFound() : TypedResults.Ok(SyncRunResponse.Create(run));
    }

    public static async Task<Results<Ok<SyncRunResponse>, NotFound>> GetRun(SyncDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var run = await db.SyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? TypedResults.NotFound() : TypedResults.Ok(SyncRunResponse.Create(run));
    }
}
