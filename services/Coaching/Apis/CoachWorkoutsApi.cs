using CyclingCoach.ServiceDefaults;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Apis;

public static class CoachWorkoutsApi
{
    public static IEndpointRouteBuilder MapCoachWorkoutsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coach/workouts").WithTags("Coach workouts");
        api.MapGet("/", ListWorkouts)
            .WithName("ListCoachWorkouts")
            .WithSummary("Workouts as Coaching knows them (its projection of WorkoutImported), newest first");
        api.MapGet("/{id:guid}", GetWorkout).WithName("GetCoachWorkout");
        api.MapPut("/{id:guid}/load", SetWorkoutLoad).WithName("SetCoachWorkoutLoad")
            .WithSummary("Count the ride for fitness or leave it out (its power data is wrong); the answer stands until changed here");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<CoachWorkoutResponse>>, ValidationProblem>> ListWorkouts(
        CoachingDbContext db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var total = await db.Workouts.CountAsync(cancellationToken);
        var items = await db.Workouts.AsNoTracking()
            .OrderByDescending(w => w.StartTimeUtc).ThenByDescending(w => w.WorkoutId)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<CoachWorkoutResponse>(items.ConvertAll(CoachWorkoutResponse.From), paging.Page, paging.PageSize, total));
    }

    /// <summary>
    /// The rider's own answer about a ride's load, reversible at any time: counted (<see cref="RideLoadState.Confirmed"/>,
    /// kept even when its numbers look impossible) or left out (<see cref="RideLoadState.Excluded"/>). A pending data
    /// question about the ride stays; its answers still apply when chosen.
    /// </summary>
    public static async Task<Results<Ok<CoachWorkoutResponse>, NotFound>> SetWorkoutLoad(
        CoachingDbContext db, Guid id, WorkoutLoadRequest request, CancellationToken cancellationToken)
    {
        var workout = await db.Workouts.FirstOrDefaultAsync(w => w.WorkoutId == id, cancellationToken);
        if (workout is null)
        {
            return TypedResults.NotFound();
        }

        var state = request.Counted ? RideLoadState.Confirmed : RideLoadState.Excluded;
        if (workout.LoadState != state)
        {
            workout.LoadState = state;
            db.FlagChanges.Add(new FlagChange { Entity = "workout", EntityId = id, Flag = "load", Value = state.ToString().ToLowerInvariant(), ChangedBy = "user" });
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(CoachWorkoutResponse.From(workout));
    }

    public static async Task<Results<Ok<CoachWorkoutResponse>, NotFound>> GetWorkout(CoachingDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var workout = await db.Workouts.AsNoTracking().FirstOrDefaultAsync(w => w.WorkoutId == id, cancellationToken);
        return workout is null ? TypedResults.NotFound() : TypedResults.Ok(CoachWorkoutResponse.From(workout));
    }
}

public sealed record CoachWorkoutResponse(
    Guid WorkoutId,
    WorkoutSource Source,
    string Name,
    DateTimeOffset StartTime,
    double DurationSeconds,
    double DistanceMeters,
    double? AveragePower,
    double? AverageHeartRate,
    double? TrainingStressScore,
    DateTimeOffset ReceivedAt,
    RideLoadState LoadState)
{
    public static CoachWorkoutResponse From(WorkoutProjection w) => new(
        w.WorkoutId, w.Source, w.Name,
        w.StartTimeUtc.AsUtcOffset().ToOffset(TimeSpan.FromMinutes(w.StartUtcOffsetMinutes)),
        w.DurationSeconds, w.DistanceMeters, w.AveragePower, w.AverageHeartRate, w.TrainingStressScore,
        w.ReceivedAt.AsUtcOffset(), w.LoadState);
}

/// <param name="Counted">True: the ride counts for fitness; false: its power data is wrong, leave it out.</param>
public sealed record WorkoutLoadRequest(bool Counted);
