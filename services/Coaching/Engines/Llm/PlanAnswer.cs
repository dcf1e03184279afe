using System.ComponentModel.DataAnnotations;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Engines.Llm;

/// <summary>
/// The model's plan: the shape of <see cref="TrainingPlan"/>, each session either a pick from the workout library
/// (<see cref="SessionAnswer.LibraryId"/> and <see cref="SessionAnswer.Scale"/>) or a structured workout. Events are
/// not asked for: the coach marks them on the stored plan.
/// </summary>
public sealed record PlanAnswer(DateOnly StartDate, string Focus, [property: MinLength(1), MaxLength(8)] IReadOnlyList<PlanAnswerWeek> Weeks, string? Notes = null)
{
    /// <summary>The plan the answer describes: library picks fitted to their length, structured workouts with length and TSS from their steps.</summary>
    public TrainingPlan ToPlan() => new(StartDate, Focus, [.. Weeks.Select(w => new PlanWeek(w.WeekNumber, w.Focus,
        [.. w.Days.Select(d => new PlanDay(d.Date, [.. d.Workouts.Select(s => s.ToWorkout())]))], w.Phase))], Notes);

    /// <summary>A plan as a model that plans well would answer it: library sessions by id and scale, the others structured.</summary>
    public static PlanAnswer From(TrainingPlan plan) => new(plan.StartDate, plan.Focus, [.. plan.Weeks.Select(w => new PlanAnswerWeek(w.WeekNumber, w.Focus,
        [.. w.Days.Select(d => new PlanAnswerDay(d.Date, [.. d.Workouts.Select(SessionAnswer.From)]))], w.Phase))], plan.Notes);
}

public sealed record PlanAnswerWeek(int WeekNumber, string Focus, [property: MinLength(7), MaxLength(7)] IReadOnlyList<PlanAnswerDay> Days, PlanPhase Phase = PlanPhase.Build);

public sealed record PlanAnswerDay(DateOnly Date, IReadOnlyList<SessionAnswer> Workouts);

/// <summary>
/// One session: a library id with a scale of its listed length (0.5–2; null = 1), the other fields null; or a
/// structured workout (type, name, zone, steps, description), the library fields null. Length and TSS are always
/// computed from the steps. <see cref="PreparesFor"/> names what of the A event's course the session prepares for
/// (the course's key climb as the prompt words it); null for general training.
/// </summary>
public sealed record SessionAnswer(
    string? LibraryId = null,
    double? Scale = null,
    WorkoutType? Type = null,
    string? Name = null,
    int? Zone = null,
    IReadOnlyList<WorkoutStep>? Steps = null,
    string? Description = null,
    int? DurationSeconds = null,
    double? TargetTss = null,
    string? PreparesFor = null)
{
    /// <summary>How far a model may stretch or shrink a library session [E]: beyond it, it is another session.</summary>
    public const double MinScale = 0.5, MaxScale = 2;

    public bool IsLibraryPick => LibraryId is not null;

    /// <summary>The library session's length at <see cref="Scale"/>, in whole minutes.</summary>
    public static int ScaledSeconds(LibraryWorkout session, double scale) => (int)Math.Round(session.DurationSeconds * scale / 60, MidpointRounding.AwayFromZero) * 60;

    public PlannedWorkout ToWorkout()
    {
        if (WorkoutCatalogue.Find(LibraryId) is { } session)
        {
            return LibraryFit.Fit(session, ScaledSeconds(session, Scale ?? 1)) with { PreparesFor = PreparesFor };
        }

        var steps = Steps ?? [];
        return new PlannedWorkout(Type ?? WorkoutType.Endurance, Name ?? "", WorkoutSteps.TotalSeconds(steps), Zone ?? 0, WorkoutSteps.Tss(steps), steps, Description ?? "", PreparesFor: PreparesFor);
    }

    public static SessionAnswer From(PlannedWorkout workout) => WorkoutCatalogue.Find(workout.LibraryId) is { } session
        ? new SessionAnswer(session.Id, (double)workout.DurationSeconds / session.DurationSeconds, PreparesFor: workout.PreparesFor)
        : new SessionAnswer(null, null, workout.Type, workout.Name, workout.Zone, workout.Steps, workout.Description, workout.DurationSeconds, workout.TargetTss, workout.PreparesFor);
}
