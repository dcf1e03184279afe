using CyclingCoach.Coaching.Athletes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyclingCoach.Coaching.Apis;

public static class AthleteApi
{
    public static IEndpointRouteBuilder MapAthleteApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coach/athlete").WithTags("Athlete");
        api.MapGet("/", GetAthlete).WithName("GetAthlete")
            .WithSummary("Thresholds in effect today with their zones, bike, availability and the threshold history");
        api.MapPut("/", PutAthlete).WithName("PutAthlete")
            .WithSummary("Replace the profile; changed thresholds start a new period from effectiveFrom (default today)");
        api.MapGet("/earlier-rides", GetEarlierRides).WithName("GetAthleteEarlierRides")
            .WithSummary("How many earlier rides a first FTP or LTHR from effectiveFrom would also apply to (the first period reaches back)");
        return app;
    }

    public static async Task<Results<Ok<EarlierRidesResponse>, ValidationProblem>> GetEarlierRides(
        DateOnly? effectiveFrom, AthleteService athletes, CoachClock clock, CancellationToken cancellationToken)
    {
        var from = effectiveFrom ?? clock.Today;
        if (AthleteUpdateRequest.EffectiveFromError(from, clock.Today) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["effectiveFrom"] = [error] });
        }

        return TypedResults.Ok(await athletes.EarlierRidesAsync(from, cancellationToken));
    }

    public static async Task<Ok<AthleteResponse>> GetAthlete(AthleteService athletes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await athletes.GetAsync(cancellationToken));

    public static async Task<Results<Ok<AthleteResponse>, ValidationProblem>> PutAthlete(
        AthleteUpdateRequest request, AthleteService athletes, CoachClock clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate(clock.Today);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await athletes.UpdateAsync(request, "user", cancellationToken));
    }
}
