namespace CyclingCoach.Coaching.Ai;

/// <summary>
/// The placeholders each action's prompt may use. Values named <c>*_json</c> and the rider's own text are inserted
/// JSON-encoded, so they read as data and cannot close anything the template opened.
/// </summary>
public static class PromptPlaceholders
{
    public const string RulesText = "rules_text";
    public const string Today = "today";
    public const string RulesJson = "rules_json";
    public const string AthleteJson = "athlete_json";
    public const string FitnessJson = "fitness_json";
    public const string GoalsJson = "goals_json";
    public const string StartDate = "start_date";
    public const string Weeks = "weeks";
    public const string FactsJson = "facts_json";
    public const string PlanJson = "plan_json";
    public const string SuggestionsJson = "suggestions_json";
    public const string LibraryJson = "library_json";
    public const string CourseJson = "course_json";

    public static IReadOnlyDictionary<AiAction, IReadOnlySet<string>> Allowed { get; } = new Dictionary<AiAction, IReadOnlySet<string>>
    {
        [AiAction.RuleParsing] = new HashSet<string> { RulesText, Today },
        [AiAction.PlanGeneration] = new HashSet<string> { RulesJson, AthleteJson, FitnessJson, GoalsJson, StartDate, Weeks, LibraryJson, CourseJson },
        [AiAction.WorkoutAnalysis] = new HashSet<string> { FactsJson, PlanJson, RulesJson, AthleteJson },
        [AiAction.PlanEvolution] = new HashSet<string> { PlanJson, SuggestionsJson, RulesJson },
        [AiAction.Chat] = new HashSet<string> { AthleteJson, Today },
    };

    /// <summary>The placeholder names in <paramref name="template"/> that <paramref name="action"/> does not know (empty: valid).</summary>
    public static IReadOnlyList<string> ValidateTemplate(AiAction action, string template) =>
        PromptRenderer.Placeholders(template).Where(name => !Allowed[action].Contains(name)).ToList();
}
