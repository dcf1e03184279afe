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
    DateTimeOffset ReceivedAt)
{
    public static CoachWorkoutResponse From(WorkoutProjection w) => new(
        w.WorkoutId, w.Source, w.Name,
        w.StartTimeUtc.AsUtcOffset().ToOffset(TimeSpan.FromMinutes(w.StartUtcOffsetMinutes)),
        w.DurationSeconds, w.DistanceMeters, w.AveragePower, w.AverageHeartRate, w.TrainingStressScore,
        w.ReceivedAt.AsUtcOffset());
}
