using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Fitness;
using CyclingCoach.Coaching.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyclingCoach.Coaching.Apis;

public static class FitnessApi
{
    private const int MaxDays = 366 * 12;

    public static IEndpointRouteBuilder MapFitnessApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coach/fitness").WithTags("Fitness");
        api.MapGet("/", GetFitness).WithName("GetFitness")
            .WithSummary("Per day load, CTL, ATL, TSB; after today projected through the current plan's planned TSS");
        api.MapGet("/power-curve", GetPowerCurve).WithName("GetPowerCurve")
            .WithSummary("Best power per duration over 42, 90, 365 days and all time, with the ride each came from");
        return app;
    }

    /// <param name="from">Default 90 days ago.</param>
    /// <param name="to">Default the current plan's last day, or today.</param>
    public static async Task<Results<Ok<FitnessResponse>, ValidationProblem>> GetFitness(
        FitnessService fitness, PlanService plans, CoachClock clock, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var current = await plans.CurrentAsync(cancellationToken);
        var today = clock.Today;
        var last = to ?? (current?.Plan.EndDate > today ? current.Plan.EndDate : today);
        var first = from ?? today.AddDays(-90);
        if (first > last || last.DayNumber - first.DayNumber > MaxDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [$"from must not be after to, and the range at most {MaxDays} days."] });
        }

        return TypedResults.Ok(await fitness.ComputeAsync(first, last, current?.Plan, cancellationToken));
    }

    public static async Task<Ok<PowerCurveResponse>> GetPowerCurve(FitnessService fitness, CancellationToken cancellationToken) =>
        TypedResults.Ok(await fitness.PowerCurveAsync(cancellationToken));
}
