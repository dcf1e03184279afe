using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Api;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.Apis;

public static class WorkoutsApi
{
    public static IEndpointRouteBuilder MapWorkoutsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workouts").WithTags("Workouts");

        api.MapGet("/", ListWorkouts)
            .WithName("ListWorkouts")
            .WithSummary("List workouts, newest first");
        api.MapGet("/{id:guid}", GetWorkout)
            .WithName("GetWorkout")
            .WithSummary("Get one workout");
        api.MapPost("/manual", CreateManualWorkout)
            .WithName("CreateManualWorkout")
            .WithSummary("Log a ride by hand")
            .WithDescription("Stores the workout and publishes WorkoutImported (through the outbox) in one transaction.");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<WorkoutResponse>>, ValidationProblem>> ListWorkouts(
        SyncDbContext db,
        int? page,
        int? pageSize,
        DateTimeOffset? from,
        DateTimeOffset? to,
        WorkoutSource? source,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (from > to)
        {
            errors["from"] = ["from must not be after to."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Workouts.AsNoTracking();
        if (from is not null)
        {
            query = query.Where(w => w.StartTimeUtc >= from.Value.UtcDateTime);
        }

        if (to is not null)
        {
            query = query.Where(w => w.StartTimeUtc <= to.Value.UtcDateTime);
        }

        if (source is not null)
        {
            query = query.Where(w => w.Source == source);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(w => w.StartTimeUtc).ThenByDescending(w => w.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<WorkoutResponse>(items.ConvertAll(WorkoutResponse.From), paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<WorkoutResponse>, NotFound>> GetWorkout(SyncDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var workout = await db.Workouts.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        return workout is null ? TypedResults.NotFound() : TypedResults.Ok(WorkoutResponse.From(workout));
    }

    public static async Task<Results<Created<WorkoutResponse>, ValidationProblem>> CreateManualWorkout(
        ManualWorkoutRequest request,
        SyncDbContext db,
        TimeProvider time,
        ILogger<ManualWorkoutRequest> logger,
        CancellationToken cancellationToken)
    {
        var errors = request.Validate(time.GetUtcNow());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var start = request.StartTime!.Value;
        var workout = new Workout
        {
            Source = WorkoutSource.Manual,
            Name = request.Name!.Trim(),
            Sport = "cycling",
            StartTimeUtc = start.UtcDateTime,
            StartUtcOffsetMinutes = (int)start.Offset.TotalMinutes,
            DurationSeconds = request.DurationSeconds!.Value,
            DistanceMeters = request.DistanceMeters!.Value,
            AveragePower = request.AveragePower,
            AverageHeartRate = request.AverageHeartRate,
        };
        db.Workouts.Add(workout);
        db.AddOutboxMessage(workout.ToImportedEvent());
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Stored manual workout {WorkoutId} ({Name}, {DurationSeconds} s)", workout.Id, workout.Name, workout.DurationSeconds);
        return TypedResults.Created($"/api/workouts/{workout.Id}", WorkoutResponse.From(workout));
    }
}
