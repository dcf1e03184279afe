namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>
/// A typed change to a plan, as suggested by an analysis or a chat proposal and applied only after approval.
/// <list type="bullet">
/// <item><c>Move</c>: the sessions of <see cref="Date"/> move to <see cref="TargetDate"/> (which must be a rest day).</item>
/// <item><c>Swap</c>: the sessions of <see cref="Date"/> and <see cref="TargetDate"/> trade places.</item>
/// <item><c>Shorten</c> / <c>Lengthen</c>: the day's session is scaled to <see cref="DurationSeconds"/>.</item>
/// <item><c>ChangeIntensity</c>: the day's session becomes a <see cref="WorkoutType"/> session of the same length.</item>
/// <item><c>AddRest</c>: the day's sessions are removed.</item>
/// <item><c>Replace</c>: the day's sessions become <see cref="Workout"/>.</item>
/// </list>
/// </summary>
public sealed record PlanOperation(
    PlanOperationKind Kind,
    DateOnly Date,
    DateOnly? TargetDate = null,
    int? DurationSeconds = null,
    WorkoutType? WorkoutType = null,
    PlannedWorkout? Workout = null);

public enum PlanOperationKind
{
    Move,
    Swap,
    Shorten,
    Lengthen,
    ChangeIntensity,
    AddRest,
    Replace,
}
