using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.Sync.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.Apis;

public static class WellnessApi
{
    public const int MaxDays = 366 * 2;

    public static IEndpointRouteBuilder MapWellnessApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/wellness").WithTags("Wellness")
            .MapGet("/", GetWellness)
            .WithName("GetWellness")
            .WithSummary("Per-day wellness (HRV, sleep, resting HR, readiness, body battery, stress) from every source, oldest first")
            .WithDescription($"from defaults to 29 days before to, to to today; at most {MaxDays} days. Days a source had no data for are absent (never zeros); a day with data from two sources appears once per source. 400 (ValidationProblem) for from after to or a longer range.");
        return app;
    }

    public static async Task<Results<Ok<WellnessResponse>, ValidationProblem>> GetWellness(
        SyncDbContext db, TimeProvider time, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var last = to ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var first = from ?? last.AddDays(-29);
        if (first > last)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from must not be after to."] });
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [$"The range is at most {MaxDays} days."] });
        }

        var rows = await db.WellnessDays.AsNoTracking()
            .Where(w => w.Date >= first && w.Date <= last)
            .OrderBy(w => w.Date).ThenBy(w => w.Source)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new WellnessResponse(first, last,
            [.. rows.Select(w => new WellnessDayResponse(w.Date, w.Source, w.Metrics, w.UpdatedAt.AsUtcOffset()))]));
    }
}

public sealed record WellnessResponse(DateOnly From, DateOnly To, IReadOnlyList<WellnessDayResponse> Days);

/// <param name="UpdatedAt">When the values last changed (a later pull of the same day that changed nothing leaves it).</param>
public sealed record WellnessDayResponse(DateOnly Date, WorkoutSource Source, WellnessMetrics Metrics, DateTimeOffset UpdatedAt);
