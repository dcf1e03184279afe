using System.Text;
using CyclingCoach.Coaching.Domain.Exports;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Exports;
using CyclingCoach.Coaching.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyclingCoach.Coaching.Apis;

public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/api/coach/plans").WithTags("Plan exports");
        plans.MapPost("/calendar", CreateCalendarFeed).WithName("CreateCalendarFeed")
            .WithSummary("A new secret iCal feed URL for the current plan (any earlier URL stops working)");
        plans.MapDelete("/calendar", RevokeCalendarFeed).WithName("RevokeCalendarFeed").WithSummary("Turn the iCal feed off");
        plans.MapGet("/current/days/{date}/workouts/{index:int}.zwo", DownloadZwo).WithName("DownloadZwo")
            .WithSummary("A planned session as a Zwift workout (.zwo)");
        plans.MapGet("/current/days/{date}/workouts/{index:int}.fit", DownloadFit).WithName("DownloadFitWorkout")
            .WithSummary("A planned session as a FIT workout file for Garmin head units");

        // The gateway lets this one path through without the API key: the token in it is the credential.
        app.MapGet(CalendarFeedService.PathPrefix + "{token}.ics", GetCalendar).WithTags("Plan exports").WithName("GetCalendarFeed")
            .WithSummary("The current plan as iCal (the URL's secret is the credential; no API key)");
        return app;
    }

    public static async Task<Created<CalendarFeedResponse>> CreateCalendarFeed(CalendarFeedService feeds, CancellationToken cancellationToken)
    {
        var path = await feeds.RotateAsync(cancellationToken);
        return TypedResults.Created(path, new CalendarFeedResponse(path));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeCalendarFeed(CalendarFeedService feeds, CancellationToken cancellationToken) =>
        await feeds.RevokeAsync(cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<FileContentHttpResult, NotFound>> GetCalendar(
        CalendarFeedService feeds, PlanService plans, TimeProvider time, string token, CancellationToken cancellationToken)
    {
        if (!await feeds.IsValidAsync(token, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var current = await plans.CurrentAsync(cancellationToken);
        var plan = current?.Plan ?? new TrainingPlan(DateOnly.FromDateTime(time.GetLocalNow().Date), "", []);
        var ics = ICalWriter.Write(plan, "CyclingCoach plan", time.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "cyclingcoach.ics");
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadZwo(PlanService plans, string date, int index, CancellationToken cancellationToken) =>
        await PlannedAsync(plans, date, index, cancellationToken) is { } workout
            ? TypedResults.File(Encoding.UTF8.GetBytes(ZwoWriter.Write(workout)), "application/xml", FileName(date, index, workout, "zwo"))
            : TypedResults.NotFound();

    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadFit(
        PlanService plans, TimeProvider time, string date, int index, CancellationToken cancellationToken) =>
        await PlannedAsync(plans, date, index, cancellationToken) is { } workout
            ? TypedResults.File(FitWorkoutWriter.Write(workout, time.GetUtcNow()), "application/vnd.ant.fit", FileName(date, index, workout, "fit"))
            : TypedResults.NotFound();

    private static async Task<PlannedWorkout?> PlannedAsync(PlanService plans, string date, int index, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day))
        {
            return null;
        }

        var workouts = (await plans.CurrentAsync(cancellationToken))?.Plan.Day(day)?.Workouts;
        return workouts is not null && index >= 0 && index < workouts.Count ? workouts[index] : null;
    }

    private static string FileName(string date, int index, PlannedWorkout workout, string extension) =>
        $"{date}-{index + 1}-{workout.Type.ToString().ToLowerInvariant()}.{extension}";
}

/// <param name="Url">The feed's path on the gateway; put the gateway's address in front of it.</param>
public sealed record CalendarFeedResponse(string Url);
