using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Domain.Readiness;
using CyclingCoach.Coaching.Readiness;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyclingCoach.Coaching.Apis;

public static class ReadinessApi
{
    private const int MaxDays = 366 * 2;

    public static IEndpointRouteBuilder MapReadinessApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/coach/readiness").WithTags("Fitness")
            .MapGet("/", GetReadiness).WithName("GetReadiness")
            .WithSummary("Per day readiness (score 0–100, band, confidence, the reasons and the facts they cite) from HRV, sleep and resting HR")
            .WithDescription("Days without wellness are absent. from defaults to 29 days before to, to to today; 400 (ValidationProblem) for from after to or more than two years. The formula: Domain/Readiness/ReadinessCalculator.cs and the service README.");
        return app;
    }

    public static async Task<Results<Ok<ReadinessResponse>, ValidationProblem>> GetReadiness(
        ReadinessService readiness, CoachClock clock, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var last = to ?? clock.Today;
        var first = from ?? last.AddDays(-29);
        if (first > last || last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [$"from must not be after to, and the range at most {MaxDays} days."] });
        }

        return TypedResults.Ok(new ReadinessResponse(first, last, await readiness.ComputeAsync(first, last, cancellationToken)));
    }
}

public sealed record ReadinessResponse(DateOnly From, DateOnly To, IReadOnlyList<DailyReadiness> Days);
