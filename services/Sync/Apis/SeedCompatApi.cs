using System.Text.Json.Serialization;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Problems;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using CyclingCoach.Sync.Runs;
using CyclingCoach.Sync.Sources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.Apis;

/// <summary>
/// The seed plan's URLs Sync answers (ARCHITECTURE.md, "The seed plan's URLs"): <c>POST /api/workouts/sync</c> and
/// <c>GET /api/workouts/sync-status</c> (garmin_sync_log) in the seed's shapes; the gateway's <c>SeedCompatRoutes</c>
/// map them here. New clients use <c>/api/sync/runs</c>.
/// </summary>
public static class SeedCompatApi
{
    public static IEndpointRouteBuilder MapSeedCompatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sync/seed").WithTags("Seed compatibility");
        api.MapPost("/workouts-sync", StartSync).WithName("SeedStartSync")
            .WithSummary("Seed path POST /api/workouts/sync: a run of the first connected source (Garmin, then intervals.icu)");
        api.MapGet("/sync-status", GetStatus).WithName("SeedSyncStatus")
            .WithSummary("Seed path GET /api/workouts/sync-status: the latest run as a garmin_sync_log row");
        return app;
    }

    public static async Task<Results<Accepted<SeedSyncStarted>, ProblemHttpResult>> StartSync(
        IEnumerable<IActivitySource> sources, SyncRunQueue queue, CancellationToken cancellationToken)
    {
        foreach (var source in sources.OrderBy(s => s.Source))
        {
            if (await source.GetUnavailableReasonAsync(cancellationToken) is not null)
            {
                continue;
            }

            var result = await queue.EnqueueAsync(source.Source, null, null, "manual", cancellationToken);
            var runId = result.Run?.Id ?? result.ConflictingRunId!.Value;
            return TypedResults.Accepted($"/api/sync/runs/{runId}",
                new SeedSyncStarted(result.Run is null ? "Sync already in progress" : "Sync started", runId));
        }

        return TypedResults.Problem("Connect Garmin or intervals.icu first.", statusCode: StatusCodes.Status409Conflict,
            title: "No source connected", type: ProblemTypes.Conflict);
    }

    public static async Task<Results<Ok<SeedSyncStatus>, NotFound>> GetStatus(SyncDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.SyncRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return run is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new SeedSyncStatus(
                run.Status switch { SyncRunStatus.InProgress => "in_progress", SyncRunStatus.Success => "success", _ => "error" },
                (run.FinishedAt ?? run.StartedAt ?? run.CreatedAt).AsUtcOffset(),
                run.Imported,
                run.Error));
    }
}

public sealed record SeedSyncStarted(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("run_id")] Guid RunId);

public sealed record SeedSyncStatus(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("last_sync_time")] DateTimeOffset LastSyncTime,
    [property: JsonPropertyName("activities_synced")] int ActivitiesSynced,
    [property: JsonPropertyName("error_message")] string? ErrorMessage);
