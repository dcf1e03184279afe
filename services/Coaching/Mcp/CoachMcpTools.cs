using System.ComponentModel;
using System.Text.Json.Nodes;
using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Apis;
using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Chat;
using CyclingCoach.Coaching.Domain.Athletes;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Readiness;
using CyclingCoach.Coaching.Readiness;
using Microsoft.AspNetCore.Http.HttpResults;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace CyclingCoach.Coaching.Mcp;

/// <summary>
/// What the rider's own assistant (Claude Desktop, ChatGPT, a local model) may do through MCP: read the rider's data
/// with the chat's own tools (<see cref="CoachTools"/>: one set of read functions for both), readiness and routes, and
/// propose plan changes through <see cref="PlanProposals"/> — the path chat proposals take. It never writes a plan: the
/// rider approves a proposal on the plan page or with <c>POST /api/coach/analyses/{id}/approve</c>.
/// </summary>
[McpServerToolType]
public sealed class CoachMcpTools(CoachTools chat, ReadinessService readiness, RoutesClient routes, PlanProposals proposals, CoachClock clock)
{
    public const string ProposedBy = "mcp";

    [McpServerTool(Name = "get_fitness", ReadOnly = true, Idempotent = true)]
    [Description("The rider's fitness (CTL), fatigue (ATL) and form (TSB) today, the last six weeks' load and the mean weekly hours and TSS of the last 28 days.")]
    public Task<FitnessSnapshot> GetFitnessAsync(CancellationToken cancellationToken) => chat.GetFitnessAsync(cancellationToken);

    [McpServerTool(Name = "get_recent_rides", ReadOnly = true, Idempotent = true)]
    [Description("The rider's rides of the last N days (1–90), newest first: date, name, duration (s), distance (m), TSS, IF.")]
    public Task<object> GetRecentRidesAsync([Description("How many days back, 1–90")] int days, CancellationToken cancellationToken) =>
        chat.GetRecentRidesAsync(days, cancellationToken);

    [McpServerTool(Name = "get_plan", ReadOnly = true, Idempotent = true)]
    [Description("The current training plan: weeks, days and their structured sessions (steps in fractions of FTP). Empty when no plan was generated yet.")]
    public async Task<object> GetPlanAsync(CancellationToken cancellationToken) =>
        await chat.GetPlanAsync(cancellationToken) ?? (object)"There is no plan yet.";

    [McpServerTool(Name = "get_rules", ReadOnly = true, Idempotent = true)]
    [Description("The rider's active training rules (available days, weekly hours, hard sessions, long ride…): every plan keeps them.")]
    public async Task<object> GetRulesAsync(CancellationToken cancellationToken) =>
        await chat.GetRulesAsync(cancellationToken) ?? (object)"The rider has no rules yet.";

    [McpServerTool(Name = "get_athlete", ReadOnly = true, Idempotent = true)]
    [Description("The rider's thresholds today: FTP (W), weight (kg), max, threshold and resting heart rate (bpm).")]
    public Task<AthleteSnapshot> GetAthleteAsync(CancellationToken cancellationToken) => chat.GetAthleteAsync(cancellationToken);

    [McpServerTool(Name = "get_readiness", ReadOnly = true, Idempotent = true)]
    [Description("Readiness per day (score 0–100, band, confidence, the reasons and the facts they cite) from HRV, sleep and resting heart rate, for the last N days (1–60). Days without wellness data are absent.")]
    public Task<IReadOnlyList<DailyReadiness>> GetReadinessAsync([Description("How many days back, 1–60, today included")] int days, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        return readiness.ComputeAsync(today.AddDays(1 - Math.Clamp(days, 1, 60)), today, cancellationToken);
    }

    [McpServerTool(Name = "list_routes", ReadOnly = true, Idempotent = true)]
    [Description("The rider's routes: id, name, distance (m), elevation gain and loss (m), steepest grade (%), estimated time (s).")]
    public Task<JsonNode> ListRoutesAsync(CancellationToken cancellationToken) => routes.ListAsync(cancellationToken);

    [McpServerTool(Name = "get_route", ReadOnly = true, Idempotent = true)]
    [Description("One route with its summary and its sections (climbs, descents, flats: distance, average and maximum grade, minimum gear, estimated time).")]
    public Task<JsonNode> GetRouteAsync([Description("The route's id, from list_routes")] Guid id, CancellationToken cancellationToken) =>
        routes.GetAsync(id, cancellationToken);

    [McpServerTool(Name = "list_library_workouts", ReadOnly = true, Idempotent = true)]
    [Description("The workout library the coach builds plans from: structured sessions (steps in fractions of FTP), each with its purpose, shortest first. Filter by type (a category: recovery, endurance, tempo, sweet_spot, threshold, over_unders, vo2_max, anaerobic, sprints, long_ride, low_cadence, race_simulation) and by the longest it may be.")]
    public IReadOnlyList<LibraryWorkoutResponse> ListLibraryWorkouts(
        [Description("A category, or none for all")] string? type = null,
        [Description("The longest session wanted, in minutes")] int? maxMinutes = null) =>
        WorkoutLibraryApi.List(type, null, maxMinutes).Result switch
        {
            Ok<IReadOnlyList<LibraryWorkoutResponse>> ok => ok.Value!,
            ValidationProblem problem => throw new McpException(string.Join(" ", problem.ProblemDetails.Errors.Values.SelectMany(e => e))),
            var other => throw new McpException($"Unexpected answer {other}."),
        };

    [McpServerTool(Name = "propose_library_session", Destructive = false)]
    [Description("Propose a library session (its id from list_library_workouts) on a day of the current plan: that day's sessions would become it. Nothing changes until the rider approves; refused when the day is not in the plan or the rules would undo it.")]
    public async Task<string> ProposeLibrarySessionAsync(
        [Description("The session's id")] string id,
        [Description("The plan day, yyyy-mm-dd")] DateOnly date,
        [Description("Why, in one or two sentences")] string? reason = null,
        CancellationToken cancellationToken = default) =>
        WorkoutCatalogue.Find(id) is { } session
            ? (await proposals.ProposeLibraryAsync(session, date, reason, ProposedBy, cancellationToken)).Message
            : $"Not proposed: there is no library session \"{id}\".";

    [McpServerTool(Name = "propose_plan_changes", Destructive = false)]
    [Description("Propose changes to the current plan. Nothing changes until the rider approves the proposal in CyclingCoach; it is refused when an operation does not apply or the changed plan would break the rider's rules. Kinds: move (date → targetDate, a rest day), swap (date ↔ targetDate), shorten / lengthen (date to durationSeconds), change_intensity (date to workoutType, same length), add_rest (date), replace (date's sessions become workout).")]
    public async Task<string> ProposePlanChangesAsync(
        [Description("The changes, applied in order")] IReadOnlyList<PlanOperation> operations,
        [Description("Why, in one or two sentences, citing the numbers used")] string reason,
        CancellationToken cancellationToken) =>
        (await proposals.ProposeAsync(operations, reason, ProposedBy, cancellationToken)).Message;
}
