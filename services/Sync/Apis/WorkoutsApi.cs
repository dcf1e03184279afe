using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Api;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Import;
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
            .WithSummary("List workouts, newest first (filters: from, to, source, type): summaries; GET /api/workouts/{id} has the metrics and laps");
        api.MapGet("/{id:guid}", GetWorkout)
            .WithName("GetWorkout")
            .WithSummary("Get one workout");
        api.MapGet("/{id:guid}/streams", GetStreams)
            .WithName("GetWorkoutStreams")
            .WithSummary("1 Hz streams, downsampled to at most maxPoints on request");
        api.MapGet("/{id:guid}/file", GetFile)
            .WithName("GetWorkoutFile")
            .WithSummary("The original file (FIT, GPX or TCX)");
        api.MapPut("/{id:guid}/repair", SampleRepairEndpoint.SetRepair)
            .WithName("SetWorkoutSampleRepair")
            .WithSummary("Turn sample repair on or off for one ride ({ \"enabled\": false }); recomputes its metrics")
            .WithDescription("200: the workout with its metrics recomputed from the original (enabled: false) or repaired samples, and WorkoutMetricsRecalculated published through the outbox when they changed; 404 unknown workout; 400 missing or malformed body, or a workout without samples.");
        api.MapDelete("/{id:guid}", DeleteWorkout)
            .WithName("DeleteWorkout")
            .WithSummary("Delete a workout, its streams and its file; publishes WorkoutDeleted");
        api.MapPost("/import", WorkoutImportEndpoint.Import)
            .WithName("ImportWorkoutFiles")
            .WithSummary("Upload FIT, GPX, TCX or a zip of them (multipart field 'file')")
            .WithDescription("201: at least one new workout; 200: every file merged into rides already stored from another source; 409: every file already stored (ProblemDetails with workoutId). A rejected file stores nothing: 400 unreadable, 413 too large (upload, zip entries or expanded size), 415 not an activity file.")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery();
        api.MapPost("/manual", CreateManualWorkout)
            .WithName("CreateManualWorkout")
            .WithSummary("Log a ride by hand")
            .WithDescription("Stores the workout and publishes WorkoutImported (through the outbox) in one transaction. Its load: TSS from averagePower and the FTP in effect on its date (trainingLoadSource average_power), else the duration estimate (IF from rpe, else 0.65).");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<WorkoutSummaryResponse>>, ValidationProblem>> ListWorkouts(
        SyncDbContext db,
        int? page,
        int? pageSize,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? source,
        string? type,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = PageRequest.From(page, pageSize, errors);
        if (!SourceParameter.TryParse(source, out var sourceFilter))
        {
            errors["source"] = SourceParameter.Error;
        }

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

        if (sourceFilter is { } only)
        {
            query = query.Where(w => w.Source == only);
        }

        if (!string.IsNullOrWhiteSpace(type))
        {
            // The source's type key (road_biking, VirtualRide) or the sport (cycling).
            query = query.Where(w => w.ActivityType == type || w.Sport == type);
        }

        var total = await query.CountAsync(cancellationToken);
        // Only the summary's columns: the metrics, laps and raw source (jsonb, kilobytes a ride) stay in the table.
        var items = await query
            .OrderByDescending(w => w.StartTimeUtc).ThenByDescending(w => w.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(w => new WorkoutSummaryResponse(
                w.Id, w.Source, w.SourceActivityId, w.Name, w.Sport, w.ActivityType, Workout.StartOf(w.StartTimeUtc, w.StartUtcOffsetMinutes),
                w.DurationSeconds, w.DistanceMeters, w.AveragePower, w.AverageHeartRate, w.TrainingLoad, w.TrainingLoadSource, w.HasStreams))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<WorkoutSummaryResponse>(items, paging.Page, paging.PageSize, total));
    }

    public static async Task<Results<Ok<WorkoutResponse>, NotFound>> GetWorkout(SyncDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var workout = await db.Workouts.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workout is null)
        {
            return TypedResults.NotFound();
        }

        var aliases = await db.WorkoutAliases.AsNoTracking().Where(a => a.WorkoutId == id).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(WorkoutResponse.From(workout, aliases, withRaw: true));
    }

    public static async Task<Results<Ok<StreamsResponse>, NotFound, ValidationProblem>> GetStreams(
        SyncDbContext db, Guid id, int? maxPoints, CancellationToken cancellationToken)
    {
        if (maxPoints is < 2 or > 1_000_000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["maxPoints"] = ["maxPoints must be between 2 and 1000000."] });
        }

        var streams = await db.WorkoutStreams.AsNoTracking().FirstOrDefaultAsync(s => s.WorkoutId == id, cancellationToken);
        return streams is null ? TypedResults.NotFound() : TypedResults.Ok(StreamDownsampler.Downsample(streams, maxPoints));
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> GetFile(SyncDbContext db, WorkoutFileStore files, Guid id, CancellationToken cancellationToken)
    {
        var workout = await db.Workouts.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workout is not { FileSha256: { } sha, FileFormat: { } format } || files.OpenRead(sha, format) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        var contentType = format switch
        {
            "fit" => "application/vnd.ant.fit",
            "gpx" => "application/gpx+xml",
            _ => "application/vnd.garmin.tcx+xml",
        };
        return TypedResults.File(stream, contentType, $"{workout.Id}.{format}");
    }

    public static async Task<Results<NoContent, NotFound>> DeleteWorkout(
        SyncDbContext db, WorkoutFileStore files, Guid id, ILogger<WorkoutResponse> logger, CancellationToken cancellationToken)
    {
        var workout = await db.Workouts.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workout is null)
        {
            return TypedResults.NotFound();
        }

        // Streams and aliases go with the row (cascade); the event and the tombstones commit in the same transaction.
        await DeletedSourceActivities.AddForAsync(db, workout, cancellationToken);
        db.Workouts.Remove(workout);
        db.AddOutboxMessage(new WorkoutDeleted(workout.Id));
        await db.SaveChangesAsync(cancellationToken);

        if (workout is { FileSha256: { } sha, FileFormat: { } format } && !await db.Workouts.AnyAsync(w => w.FileSha256 == sha, cancellationToken))
        {
            files.Delete(sha, format);
        }

        logger.LogInformation("Deleted workout {WorkoutId}", workout.Id);
        return TypedResults.NoContent();
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
            PerceivedExertion = request.Rpe,
        };
        // With an average power, the load is TSS from it and the FTP in effect on the ride's date; the recompute
        // follows later threshold changes (the version checked is the one read here).
        var history = await db.LoadThresholdHistoryAsync(cancellationToken);
        workout.ThresholdsCheckedVersion = history.Version;
        workout.UpdateTrainingLoad(history.On(workout.LocalDate));
        db.Workouts.Add(workout);
        db.AddOutboxMessage(workout.ToImportedEvent());
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Stored manual workout {WorkoutId} ({Name}, {DurationSeconds} s)", workout.Id, workout.Name, workout.DurationSeconds);
        return TypedResults.Created($"/api/workouts/{workout.Id}", WorkoutResponse.From(workout));
    }
}
