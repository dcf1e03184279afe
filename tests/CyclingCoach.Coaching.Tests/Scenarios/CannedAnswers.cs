using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Engines.Llm;
using CyclingCoach.Coaching.Tests.Ai;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// What a model might answer when asked for a rider's plan: a good plan, and the bad answers the issue names. Each bad
/// answer is built from a good plan the way a model gets it wrong, and says which check must catch it.
/// </summary>
public static class CannedAnswers
{
    public const string Good = "good";
    public const string Detraining = "detraining";
    public const string EmptyDays = "empty days";
    public const string EmptyObject = "{\"days\": []}";
    public const string OverRamp = "over-ramp";
    public const string NoRecoveryWeek = "no recovery week";
    public const string SchemaViolating = "schema-violating";
    public const string ServerError = "HTTP 500 twice";
    public const string UnknownLibraryId = "unknown library id";

    public static IReadOnlyList<string> Bad => [Detraining, EmptyDays, EmptyObject, OverRamp, NoRecoveryWeek, SchemaViolating, ServerError, UnknownLibraryId];

    /// <summary>
    /// The replies the fake server gives for <paramref name="kind"/>, or null when the kind does not apply to the plan
    /// (a plan with no recovery week cannot lose it). Each reply is given twice: the engine's repair request gets the
    /// same mistake again.
    /// </summary>
    public static FakeReply[]? Replies(string kind, TrainingPlan good) => kind switch
    {
        Good => [Content(good)],
        Detraining => Twice(Scale(good, w => w.Phase is PlanPhase.Build or PlanPhase.Base, 0.6)),
        EmptyDays => Twice(good with { Weeks = [.. good.Weeks.Select(w => w with { Days = [.. w.Days.Select(d => d with { Workouts = [] })] })] }),
        EmptyObject => [FakeReply.Content(EmptyObject), FakeReply.Content(EmptyObject)],
        OverRamp => Twice(Scale(good, w => w.WeekNumber == 1, 1.8)),
        NoRecoveryWeek => good.Weeks.FirstOrDefault(w => w.Phase == PlanPhase.Recovery && w.WeekNumber > 1) is { } recovery
            ? Twice(good with { Weeks = [.. good.Weeks.Select(w => w == recovery ? Copy(good.Weeks[w.WeekNumber - 2], w) : w)] })
            : null,
        SchemaViolating => [FakeReply.Content(ThreeDays(good)), FakeReply.Content(ThreeDays(good))],
        ServerError => [FakeReply.LlamaCppParseError(), FakeReply.LlamaCppParseError()],
        UnknownLibraryId => [FakeReply.Content(MadeUpIds(good)), FakeReply.Content(MadeUpIds(good))],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The plan as the model answers it: library sessions by id and scale, the others structured.</summary>
    private static FakeReply Content(TrainingPlan plan) => FakeReply.Content(CoachJson.Serialize(PlanAnswer.From(plan)));

    private static FakeReply[] Twice(TrainingPlan plan) => [Content(plan), Content(plan)];

    /// <summary>Every session of the chosen weeks at <paramref name="factor"/> of its length (the model's arithmetic of load).</summary>
    private static TrainingPlan Scale(TrainingPlan plan, Func<PlanWeek, bool> weeks, double factor) => plan with
    {
        Weeks = [.. plan.Weeks.Select(w => weeks(w)
            ? w with { Days = [.. w.Days.Select(d => d with { Workouts = [.. d.Workouts.Select(x => WorkoutLibrary.Build(x.Type, (int)(x.DurationSeconds * factor)))] })] }
            : w)],
    };

    /// <summary>The recovery week replaced by the build week before it, one week later: four build weeks in a row.</summary>
    private static PlanWeek Copy(PlanWeek build, PlanWeek recovery) => recovery with
    {
        Focus = build.Focus,
        Phase = build.Phase,
        Days = [.. build.Days.Select((d, i) => d with { Date = recovery.Days[i].Date, Event = recovery.Days[i].Event })],
    };

    /// <summary>The plan with every library pick naming a session the library does not have (a model inventing ids).</summary>
    private static string MadeUpIds(TrainingPlan plan)
    {
        var answer = PlanAnswer.From(plan);
        return CoachJson.Serialize(answer with
        {
            Weeks = [.. answer.Weeks.Select(w => w with { Days = [.. w.Days.Select(d => d with { Workouts = [.. d.Workouts.Select(s => s.IsLibraryPick ? s with { LibraryId = "sweet-spot-9x99" } : s)] })] })],
        });
    }

    /// <summary>The plan with week 1 cut to its first three days (the schema wants seven).</summary>
    private static string ThreeDays(TrainingPlan plan) =>
        CoachJson.Serialize(PlanAnswer.From(plan with { Weeks = [plan.Weeks[0] with { Days = [.. plan.Weeks[0].Days.Take(3)] }, .. plan.Weeks.Skip(1)] }));
}
