using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CyclingCoach.Fakes.Garmin;

/// <summary>
/// Garmin Connect's workout-service as public clients record it (python-garminconnect <c>upload_workout</c>, garth-based
/// scheduling): <c>POST /workout-service/workout</c> validates the workout and answers it with a new <c>workoutId</c>;
/// <c>GET</c>/<c>DELETE /workout-service/workout/{id}</c> (a delete also drops its calendar entries; 404 when gone);
/// <c>GET /workout-service/workouts</c>; <c>POST /workout-service/schedule/{workoutId}</c> with <c>{"date"}</c>
/// answers <c>{workoutScheduleId, calendarDate, workout}</c>; <c>DELETE /workout-service/schedule/{id}</c>. Refused
/// payloads answer 400 <c>{message, error}</c>: no name, no cycling sport type, no segments or steps, a step without a
/// step type, a time end condition without positive seconds, a power target whose low is above its high, a repeat
/// without iterations. Behind the API gate, so 401, 429 and 503 knobs apply. <see cref="RejectWorkoutNamed"/> refuses one
/// name (a partial failure). <c>/__fake/garmin-calendar</c> lists the calendar for tests outside this process.
/// </summary>
public sealed partial class FakeGarmin
{
    private readonly ConcurrentDictionary<long, JsonObject> workouts = new();
    private readonly ConcurrentDictionary<long, (long WorkoutId, string Date)> schedules = new();
    private readonly ConcurrentDictionary<string, bool> rejectedWorkoutNames = new();
    private long nextWorkoutId = 1_300_000_000;
    private long nextScheduleId = 900_000_000;

    public sealed record CalendarEntry(long ScheduleId, string Date, long WorkoutId, string Name, JsonObject Workout);

    /// <summary>The calendar: every scheduled workout, by date.</summary>
    public IReadOnlyList<CalendarEntry> Calendar =>
    [
        .. schedules.Select(s => new CalendarEntry(s.Key, s.Value.Date, s.Value.WorkoutId, (string)workouts[s.Value.WorkoutId]["workoutName"]!,
                (JsonObject)workouts[s.Value.WorkoutId].DeepClone()))
            .OrderBy(e => e.Date).ThenBy(e => e.ScheduleId),
    ];

    /// <summary>Every workout in the rider's library, scheduled or not.</summary>
    public IReadOnlyList<JsonObject> Workouts => [.. workouts.Values.Select(w => (JsonObject)w.DeepClone())];

    public void RejectWorkoutNamed(string name, bool reject = true)
    {
        if (reject)
        {
            rejectedWorkoutNames[name] = true;
        }
        else
        {
            rejectedWorkoutNames.TryRemove(name, out _);
        }
    }

    /// <summary>A workout the rider made and scheduled in Connect: ours must never touch it.</summary>
    public long AddRiderWorkout(DateOnly date, string name)
    {
        var id = Interlocked.Increment(ref nextWorkoutId);
        workouts[id] = new JsonObject { ["workoutId"] = id, ["workoutName"] = name, ["sportType"] = new JsonObject { ["sportTypeId"] = 2, ["sportTypeKey"] = "cycling" } };
        schedules[Interlocked.Increment(ref nextScheduleId)] = (id, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return id;
    }

    private void MapWorkouts(RouteGroupBuilder api)
    {
        api.MapPost("/workout-service/workout", async (HttpContext context) =>
        {
            if (await FakeJson.ReadAsync(context) is not JsonObject workout)
            {
                return BadRequest("Request body is not a workout");
            }

            if (InvalidWorkout(workout) is { } reason)
            {
                return BadRequest(reason);
            }

            var id = Interlocked.Increment(ref nextWorkoutId);
            workout["workoutId"] = id;
            workout["ownerId"] = 81234567;
            workout["createdDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.f", CultureInfo.InvariantCulture);
            workouts[id] = workout;
            return Results.Json(workout);
        });
        api.MapGet("/workout-service/workout/{id:long}", (long id) =>
            workouts.TryGetValue(id, out var w) ? Results.Json(w) : Results.Json(new { error = "NotFoundException" }, statusCode: 404));
        api.MapGet("/workout-service/workouts", (int? start, int? limit) =>
            Results.Json(workouts.Values.OrderByDescending(w => (long)w["workoutId"]!).Skip(start ?? 0).Take(limit ?? 100)));
        api.MapDelete("/workout-service/workout/{id:long}", (long id) =>
        {
            if (!workouts.TryRemove(id, out _))
            {
                return Results.Json(new { error = "NotFoundException" }, statusCode: 404);
            }

            foreach (var s in schedules.Where(s => s.Value.WorkoutId == id).ToList())
            {
                schedules.TryRemove(s.Key, out _);
            }

            return Results.NoContent();
        });
        api.MapPost("/workout-service/schedule/{id:long}", async (HttpContext context, long id) =>
        {
            if (!workouts.TryGetValue(id, out var workout))
            {
                return Results.Json(new { error = "NotFoundException" }, statusCode: 404);
            }

            if (await FakeJson.ReadAsync(context) is not JsonObject body || (string?)body["date"] is not { } date
                || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return BadRequest("date: expected yyyy-MM-dd");
            }

            var scheduleId = Interlocked.Increment(ref nextScheduleId);
            schedules[scheduleId] = (id, date);
            return Results.Json(new { workoutScheduleId = scheduleId, calendarDate = date, workout });
        });
        api.MapDelete("/workout-service/schedule/{id:long}", (long id) =>
            schedules.TryRemove(id, out _) ? Results.NoContent() : Results.Json(new { error = "NotFoundException" }, statusCode: 404));
    }

    private void MapWorkoutControls() =>
        app.MapGet("/__fake/garmin-calendar", () => Results.Json(Calendar.Select(e => new { e.ScheduleId, e.Date, e.WorkoutId, e.Name })));

    private string? InvalidWorkout(JsonObject workout)
    {
        if ((string?)workout["workoutName"] is not { Length: > 0 } name)
        {
            return "workoutName is required";
        }

        if (rejectedWorkoutNames.ContainsKey(name))
        {
            return $"Invalid workout '{name}'";
        }

        if ((string?)workout["sportType"]?["sportTypeKey"] is null)
        {
            return "sportType is required";
        }

        if (workout["workoutSegments"] is not JsonArray { Count: > 0 } segments)
        {
            return "workoutSegments must not be empty";
        }

        foreach (var segment in segments)
        {
            if (segment?["workoutSteps"] is not JsonArray { Count: > 0 } steps)
            {
                return "workoutSteps must not be empty";
            }

            if (InvalidSteps(steps) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? InvalidSteps(JsonArray steps)
    {
        foreach (var step in steps.OfType<JsonObject>())
        {
            if (step["stepType"]?["stepTypeKey"] is null)
            {
                return "stepType is required";
            }

            if ((string?)step["type"] == "RepeatGroupDTO")
            {
                if (step["numberOfIterations"] is not JsonValue n || n.GetValue<int>() < 1 || step["workoutSteps"] is not JsonArray { Count: > 0 } inner)
                {
                    return "A repeat needs numberOfIterations >= 1 and steps";
                }

                if (InvalidSteps(inner) is { } reason)
                {
                    return reason;
                }

                continue;
            }

            if ((string?)step["endCondition"]?["conditionTypeKey"] == "time" && (step["endConditionValue"] is not JsonValue seconds || seconds.GetValue<double>() <= 0))
            {
                return "endConditionValue must be positive for a time step";
            }

            if ((string?)step["targetType"]?["workoutTargetTypeKey"] == "power.zone" && step["zoneNumber"] is null
                && (step["targetValueOne"] is not JsonValue low || step["targetValueTwo"] is not JsonValue high || low.GetValue<double>() > high.GetValue<double>() || low.GetValue<double>() <= 0))
            {
                return "A power target needs targetValueOne <= targetValueTwo (watts)";
            }
        }

        return null;
    }

    private static IResult BadRequest(string message) => Results.Json(new { message, error = "IllegalArgumentException" }, statusCode: 400);
}
