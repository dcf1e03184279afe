using System.Text;
using System.Text.Json;
using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Exports;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyclingCoach.Coaching.Apis;

/// <summary>The workout library both coaches choose from: browse it by type and length, and download a session.</summary>
public static class WorkoutLibraryApi
{
    public static IEndpointRouteBuilder MapWorkoutLibraryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coach/workouts/library").WithTags("Workout library");
        api.MapGet("/", List).WithName("ListLibraryWorkouts")
            .WithSummary("The library's sessions, shortest first; type is a category (over_unders, race_simulation, …) or a workout type, minutes bound the length");
        api.MapGet("/{id}", Get).WithName("GetLibraryWorkout");
        api.MapGet("/{id}.zwo", DownloadZwo).WithName("DownloadLibraryZwo").WithSummary("A library session as a Zwift workout (.zwo)");
        api.MapGet("/{id}.fit", DownloadFit).WithName("DownloadLibraryFit").WithSummary("A library session as a FIT workout file");
        api.MapPost("/{id}/proposals", Propose).WithName("ProposeLibraryWorkout")
            .WithSummary("Propose this session on a day of the current plan: a pending plan change the rider approves like any other")
            .WithDescription("The day's sessions would become this one at its own length. 400 when the date is not a day of the plan, 404 for an unknown session, 409 without a plan, 422 (plan-refused) when the changed plan would break the rules. Approve it with POST /api/coach/analyses/{id}/approve.");
        return app;
    }

    public static Results<Ok<IReadOnlyList<LibraryWorkoutResponse>>, ValidationProblem> List(string? type, int? minMinutes, int? maxMinutes)
    {
        var errors = new Dictionary<string, string[]>();
        Func<LibraryWorkout, bool> ofType = _ => true;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (Parse<LibraryCategory>(type) is { } category)
            {
                ofType = w => w.Category == category;
            }
            else if (Parse<WorkoutType>(type) is { } workoutType)
            {
                ofType = w => w.Type == workoutType;
            }
            else
            {
                errors["type"] = [$"\"{type}\" is neither a library category ({Names<LibraryCategory>()}) nor a workout type ({Names<WorkoutType>()})."];
            }
        }

        if (minMinutes is < 0 || maxMinutes is < 0)
        {
            errors[minMinutes is < 0 ? "minMinutes" : "maxMinutes"] = ["Minutes are 0 or more."];
        }
        else if (minMinutes > maxMinutes)
        {
            errors["minMinutes"] = [$"minMinutes ({minMinutes}) is more than maxMinutes ({maxMinutes})."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var sessions = WorkoutCatalogue.All.Where(ofType)
            .Where(w => w.DurationSeconds >= (minMinutes ?? 0) * 60 && w.DurationSeconds <= (maxMinutes ?? int.MaxValue / 60) * 60)
            .OrderBy(w => w.DurationSeconds).ThenBy(w => w.Category).ThenBy(w => w.Level).ThenBy(w => w.Id, StringComparer.Ordinal)
            .Select(LibraryWorkoutResponse.From).ToList();
        return TypedResults.Ok<IReadOnlyList<LibraryWorkoutResponse>>(sessions);
    }

    public static Results<Ok<LibraryWorkoutResponse>, NotFound> Get(string id) =>
        WorkoutCatalogue.Find(id) is { } session ? TypedResults.Ok(LibraryWorkoutResponse.From(session)) : TypedResults.NotFound();

    public static Results<FileContentHttpResult, NotFound> DownloadZwo(string id) =>
        WorkoutCatalogue.Find(id) is { } session
            ? TypedResults.File(Encoding.UTF8.GetBytes(ZwoWriter.Write(session.ToPlanned())), "application/xml", $"{id}.zwo")
            : TypedResults.NotFound();

    public static Results<FileContentHttpResult, NotFound> DownloadFit(TimeProvider time, string id) =>
        WorkoutCatalogue.Find(id) is { } session
            ? TypedResults.File(FitWorkoutWriter.Write(session.ToPlanned(), time.GetUtcNow()), "application/vnd.ant.fit", $"{id}.fit")
            : TypedResults.NotFound();

    public static async Task<Results<Created<AnalysisResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Propose(
        PlanProposals proposals, CoachingDbContext db, string id, LibraryProposalRequest request, CancellationToken cancellationToken)
    {
        if (WorkoutCatalogue.Find(id) is not { } session)
        {
            return TypedResults.NotFound();
        }

        if (request.Reason is { Length: > 1000 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 1000 characters."] });
        }

        var result = await proposals.ProposeLibraryAsync(session, request.Date, request.Reason, "rider", cancellationToken);
        return result switch
        {
            { Analysis: { } proposed } => TypedResults.Created($"/api/coach/analyses/{proposed.Id}", await AnalysisResponse.ForAsync(db, proposed, cancellationToken)),
            { HasPlan: false } => TypedResults.Problem(result.Problem, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: ProblemTypes.Conflict),
            { Violations.Count: > 0 } => PlansApi.PlanRefused(result.Violations),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [result.Problem!] }),
        };
    }

    /// <summary>An enum value by its wire name (snake_case, as the API writes it) or its C# name.</summary>
    private static T? Parse<T>(string text) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(WireName(v!.Value), text.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(v!.Value.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string WireName<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => WireName(v)));
}

/// <param name="Date">The day of the current plan the session goes on (its sessions would be replaced).</param>
/// <param name="Reason">Why, shown with the proposal (default: the session's name and the day).</param>
public sealed record LibraryProposalRequest(DateOnly Date, string? Reason);

/// <param name="Level">Difficulty 1–10 in its energy system (the progression level the coach matches to the rider).</param>
/// <param name="ShortestSeconds">The shortest it can be fitted to (warm-up and cool-down at 5 min, one repeat a set).</param>
/// <param name="Description">Its structure in words, then its purpose.</param>
public sealed record LibraryWorkoutResponse(
    string Id,
    string Name,
    LibraryCategory Category,
    WorkoutType Type,
    int Zone,
    int Level,
    int DurationSeconds,
    int ShortestSeconds,
    double Tss,
    string Purpose,
    string Source,
    string Description,
    IReadOnlyList<WorkoutStep> Steps)
{
    public static LibraryWorkoutResponse From(LibraryWorkout w) => new(w.Id, w.Name, w.Category, w.Type, w.Zone, w.Level, w.DurationSeconds,
        LibraryFit.ShortestSeconds(w), w.Tss, w.Purpose, w.Source, LibraryFit.Describe(w.Steps, w.Purpose), w.Steps);
}
