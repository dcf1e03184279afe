using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Import;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.Apis;

/// <summary>Body of <c>PUT /api/workouts/{id}/repair</c>.</summary>
public sealed record SampleRepairRequest(bool? Enabled);

/// <summary>
/// Turns sample repair on or off for one ride: its metrics are recomputed from the stored original streams in the
/// same transaction, through the same path as a threshold recompute (<see cref="MetricsRecalculation"/>), so a change
/// publishes one WorkoutMetricsRecalculated through the outbox. Setting what is already set changes nothing.
/// </summary>
public static class SampleRepairEndpoint
{
    public static async Task<Results<Ok<WorkoutResponse>, NotFound, ValidationProblem>> SetRepair(
        SyncDbContext db, TimeProvider time, Guid id, SampleRepairRequest? request, CancellationToken cancellationToken)
    {
        if (request?.Enabled is not { } enabled)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["enabled (true or false) is required."] });
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync<Results<Ok<WorkoutResponse>, NotFound, ValidationProblem>>(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var history = await db.LoadThresholdHistoryForShareAsync(ct);
            var workout = await db.Workouts.FromSql($"SELECT * FROM workouts WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(ct);
            if (workout is null)
            {
                return TypedResults.NotFound();
            }

            if (workout.Metrics is not { } stored || !workout.HasStreams)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["The workout has no samples to repair."] });
            }

            if (stored.SampleRepairEnabled != enabled
                && await db.WorkoutStreams.AsNoTracking().FirstOrDefaultAsync(s => s.WorkoutId == id, ct) is { } streams)
            {
                var thresholds = history.On(workout.LocalDate);
                var metrics = WorkoutMetricsBuilder.Recompute(stored, streams.ToRideStreams(), thresholds, history.Version, enabled);
                db.ApplyRecalculatedMetrics(workout, metrics, thresholds, history.Version, time.GetUtcNow());
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return TypedResults.Ok(WorkoutResponse.From(workout));
        }, cancellationToken);
    }
}
