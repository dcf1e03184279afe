using System.Globalization;
using System.Text.Json;
using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Engines.Llm;

/// <summary>
/// The coach behind an OpenAI-compatible model. Renders the active prompt of each action, asks for the typed result
/// and rejects structurally unusable answers (so the one repair retry can fix them); rule validation and the
/// citation check stay with the caller. Every failure is an <see cref="AiException"/>, so the caller can fall back.
/// </summary>
public sealed class LlmCoachEngine(
    StructuredOutput output,
    IPromptSource prompts,
    IOptions<OpenRouterOptions> options,
    TimeProvider time,
    ILogger<LlmCoachEngine> logger) : ICoachEngine
{
    public const string EngineName = "llm";

    public string Name => EngineName;

    public Task<RuleParseResult> ParseRulesAsync(string text, CancellationToken cancellationToken) =>
        AskAsync<RuleParseResult>(AiAction.RuleParsing, new Dictionary<string, string>
        {
            [PromptPlaceholders.RulesText] = Json(text),
            [PromptPlaceholders.Today] = Date(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)),
        }, r => RuleSetChecks.Problems(r.Rules), cancellationToken);

    public async Task<TrainingPlan> GeneratePlanAsync(PlanContext context, CancellationToken cancellationToken)
    {
        var answer = await AskAsync<PlanAnswer>(AiAction.PlanGeneration, new Dictionary<string, string>
        {
            [PromptPlaceholders.RulesJson] = Json(context.Rules),
            [PromptPlaceholders.AthleteJson] = Json(context.Athlete),
            [PromptPlaceholders.FitnessJson] = Json(context.Fitness),
            [PromptPlaceholders.GoalsJson] = Json(context.Goals),
            [PromptPlaceholders.StartDate] = Date(context.StartDate),
            [PromptPlaceholders.Weeks] = context.Weeks.ToString(CultureInfo.InvariantCulture),
            [PromptPlaceholders.LibraryJson] = LibraryJson.Value,
            [PromptPlaceholders.CourseJson] = CourseJson(context),
        }, p => LlmAnswerChecks.Plan(p, context.StartDate, context.Weeks), cancellationToken);
        return answer.ToPlan();
    }

    public Task<CoachFeedback> AnalyzeAsync(AnalysisContext context, CancellationToken cancellationToken)
    {
        var facts = context.Facts;
        var citable = facts.Citable;
        var needs = Reactions.Assess(facts, context.Plan);
        return AskAsync<CoachFeedback>(AiAction.WorkoutAnalysis, new Dictionary<string, string>
        {
            // The citable numbers under their names: the names a claim must cite; and what the ride requires of the plan.
            [PromptPlaceholders.FactsJson] = Json(new
            {
                facts.Date,
                facts.Name,
                facts.Planned,
                facts.PlannedRestDay,
                facts.LoadHeld,
                Citable = citable,
                RequiredReactions = needs.EasyDays.Select(n => new { n.Date, Rule = "no hard session", n.Because, n.Cites }),
                needs.Fatigued,
            }),
            [PromptPlaceholders.PlanJson] = Json(context.Plan),
            [PromptPlaceholders.RulesJson] = Json(context.Rules),
            [PromptPlaceholders.AthleteJson] = Json(context.Athlete),
        }, f => [.. LlmAnswerChecks.Feedback(f, citable), .. Reactions.Problems(f, facts, context.Plan)], cancellationToken);
    }

    private async Task<T> AskAsync<T>(AiAction action, IReadOnlyDictionary<string, string> values, Func<T, IReadOnlyList<string>> check, CancellationToken cancellationToken)
        where T : class
    {
        var stored = await prompts.GetActiveAsync(action, options.Value.Model, cancellationToken);
        return await output.GetAsync(Render(action, stored, values), check, cancellationToken);
    }

    private AiPrompt Render(AiAction action, PromptTemplate? stored, IReadOnlyDictionary<string, string> values)
    {
        if (stored is not null)
        {
            try
            {
                return new(action, PromptRenderer.Render(stored.Template, values), stored.Id, stored.Version);
            }
            catch (MissingPromptValuesException e)
            {
                // Save-time validation should make this impossible; a broken row must not stop the coach.
                logger.LogError("Prompt {PromptId} v{Version} for {Action} is unusable ({Error}); using the default prompt", stored.Id, stored.Version, action, e.Message);
            }
        }

        return new(action, PromptRenderer.Render(DefaultPrompts.For(action), values));
    }

    /// <summary>The library as the model chooses from it: what each session is, how long and how hard, and what it is for.</summary>
    private static readonly Lazy<string> LibraryJson = new(() => Json(WorkoutCatalogue.All.Select(w => new
    {
        w.Id,
        w.Name,
        w.Category,
        w.Type,
        Minutes = w.DurationSeconds / 60,
        ShortestMinutes = LibraryFit.ShortestSeconds(w) / 60,
        w.Level,
        Tss = Math.Round(w.Tss),
        Steps = LibraryFit.Describe(w.Steps, "").TrimEnd(),
        w.Purpose,
    })));

    /// <summary>
    /// The course of the A event the plan builds toward (the one <see cref="PlanJudgement"/> holds the plan to), or null:
    /// the event, the course and each key climb with the power it asks for and the exact <c>preparesFor</c> to name it by.
    /// </summary>
    private static string CourseJson(PlanContext context)
    {
        var goal = new Season(context.Rules).GoalFrom(context.StartDate);
        if (context.CourseOf(goal) is not { } course)
        {
            return "null";
        }

        return Json(new
        {
            Event = new { goal!.Name, goal.Date, goal.Priority },
            Route = course.Name,
            DistanceKm = Math.Round(course.DistanceMeters / 1000, 1),
            course.ElevationGainMeters,
            EstimatedHours = Math.Round(course.EstimatedSeconds / 3600, 1),
            course.FtpWatts,
            KeyClimbs = course.KeyClimbs.Select(c => new
            {
                AtKm = Math.Round(c.StartMeters / 1000, 1),
                LengthKm = Math.Round(c.DistanceMeters / 1000, 1),
                c.AverageGradePercent,
                c.MaxSustainedGradePercent,
                Minutes = Math.Round(c.EstimatedSeconds / 60),
                PowerWatts = Math.Round(c.PowerWatts),
                PowerFraction = Math.Round(course.Fraction(c), 2),
                PreparesFor = course.Describe(c),
            }),
            LongRidePreparesFor = course.WholeCourse,
        });
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, AiJson.Options);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
