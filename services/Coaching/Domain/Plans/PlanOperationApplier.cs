using System.Diagnostics.CodeAnalysis;

namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>
/// Applies <see cref="PlanOperation"/>s to a plan (semantics in <see cref="PlanOperation"/>'s comment). Pure: the input
/// plan is never changed; a success carries a new plan. An operation that would change nothing is an error, so an
/// approved suggestion always does what it says.
/// </summary>
public static class PlanOperationApplier
{
    public static PlanOperationResult Apply(TrainingPlan plan, PlanOperation op)
    {
        var day = plan.Day(op.Date);
        if (day is null)
        {
            return Fail("date-outside-plan", $"{op.Date:yyyy-MM-dd} is not a day of the plan ({plan.StartDate:yyyy-MM-dd} to {plan.EndDate:yyyy-MM-dd}).");
        }

        return op.Kind switch
        {
            PlanOperationKind.Move or PlanOperationKind.Swap => MoveOrSwap(plan, day, op),
            PlanOperationKind.Shorten or PlanOperationKind.Lengthen => Resize(plan, day, op),
            PlanOperationKind.ChangeIntensity => ChangeIntensity(plan, day, op),
            PlanOperationKind.AddRest => day.IsRest
                ? Fail("no-session", $"{op.Date:yyyy-MM-dd} is already a rest day.")
                : Ok(With(plan, (op.Date, []))),
            PlanOperationKind.Replace => Replace(plan, op),
            _ => Fail("unknown-kind", $"Unknown operation {op.Kind}."),
        };
    }

    /// <summary>Applies the operations in order; the first failure stops it and its <see cref="PlanOperationError.Index"/> says which.</summary>
    public static PlanOperationResult ApplyAll(TrainingPlan plan, IEnumerable<PlanOperation> ops)
    {
        var index = 0;
        foreach (var op in ops)
        {
            var result = Apply(plan, op);
            if (!result.Succeeded)
            {
                return result with { Error = result.Error with { Index = index } };
            }

            plan = result.Plan;
            index++;
        }

        return Ok(plan);
    }

    private static PlanOperationResult MoveOrSwap(TrainingPlan plan, PlanDay day, PlanOperation op)
    {
        if (op.TargetDate is not { } targetDate)
        {
            return Fail("missing-field", $"{op.Kind} needs a targetDate.");
        }

        if (targetDate == op.Date)
        {
            return Fail("same-day", $"{op.Kind} from {op.Date:yyyy-MM-dd} to the same day.");
        }

        var target = plan.Day(targetDate);
        if (target is null)
        {
            return Fail("date-outside-plan", $"{targetDate:yyyy-MM-dd} is not a day of the plan ({plan.StartDate:yyyy-MM-dd} to {plan.EndDate:yyyy-MM-dd}).");
        }

        if (op.Kind == PlanOperationKind.Move)
        {
            if (day.IsRest)
            {
                return Fail("no-session", $"{op.Date:yyyy-MM-dd} has no session to move.");
            }

            if (!target.IsRest)
            {
                return Fail("target-not-rest", $"{targetDate:yyyy-MM-dd} already has a session; swap instead.");
            }
        }
        else if (day.IsRest && target.IsRest)
        {
            return Fail("no-session", $"{op.Date:yyyy-MM-dd} and {targetDate:yyyy-MM-dd} are both rest days.");
        }

        return Ok(With(plan, (op.Date, target.Workouts), (targetDate, day.Workouts)));
    }

    private static PlanOperationResult Resize(TrainingPlan plan, PlanDay day, PlanOperation op)
    {
        if (op.DurationSeconds is not { } seconds)
        {
            return Fail("missing-field", $"{op.Kind} needs durationSeconds.");
        }

        if (Longest(day) is not { } index)
        {
            return Fail("no-session", $"{op.Date:yyyy-MM-dd} has no session to {op.Kind.ToString().ToLowerInvariant()}.");
        }

        var current = day.Workouts[index];
        // Compare what the library builds (whole minutes, at least its minimum), not the request.
        var resized = WorkoutLibrary.Resize(current, seconds);
        if (op.Kind == PlanOperationKind.Shorten && resized.DurationSeconds >= current.DurationSeconds)
        {
            return Fail("not-shorter", $"{seconds} s is not shorter than the {current.DurationSeconds} s session (minimum {WorkoutLibrary.MinimumSeconds} s).");
        }

        if (op.Kind == PlanOperationKind.Lengthen && resized.DurationSeconds <= current.DurationSeconds)
        {
            return Fail("not-longer", $"{seconds} s is not longer than the {current.DurationSeconds} s session.");
        }

        return Ok(With(plan, (op.Date, ReplaceAt(day, index, resized))));
    }

    private static PlanOperationResult ChangeIntensity(TrainingPlan plan, PlanDay day, PlanOperation op)
    {
        if (op.WorkoutType is not { } type)
        {
            return Fail("missing-field", "ChangeIntensity needs a workoutType.");
        }

        if (Longest(day) is not { } index)
        {
            return Fail("no-session", $"{op.Date:yyyy-MM-dd} has no session to change.");
        }

        var current = day.Workouts[index];
        if (current.Type == type)
        {
            return Fail("same-type", $"The session on {op.Date:yyyy-MM-dd} is already {type}.");
        }

        return Ok(With(plan, (op.Date, ReplaceAt(day, index, WorkoutLibrary.Build(type, current.DurationSeconds)))));
    }

    private static PlanOperationResult Replace(TrainingPlan plan, PlanOperation op)
    {
        if (op.Workout is not { } workout)
        {
            return Fail("missing-field", "Replace needs a workout.");
        }

        if (workout.Steps.Count == 0 || workout.Steps.Any(s => s.DurationSeconds <= 0 || s.Repeat < 1 || s.OffDurationSeconds < 0
                || s.PowerLow < 0 || s.PowerHigh < 0 || s.OffPower < 0))
        {
            return Fail("invalid-workout", "Replace needs a workout with steps of positive length and non-negative power.");
        }

        // Length and TSS follow from the steps, whatever the proposer claimed.
        var trusted = workout with { DurationSeconds = WorkoutSteps.TotalSeconds(workout.Steps), TargetTss = WorkoutSteps.Tss(workout.Steps) };
        return Ok(With(plan, (op.Date, [trusted])));
    }

    /// <summary>The index of the day's longest session (the first of equals), or null on a rest day.</summary>
    private static int? Longest(PlanDay day)
    {
        int? best = null;
        for (var i = 0; i < day.Workouts.Count; i++)
        {
            if (best is null || day.Workouts[i].DurationSeconds > day.Workouts[best.Value].DurationSeconds)
            {
                best = i;
            }
        }

        return best;
    }

    private static IReadOnlyList<PlannedWorkout> ReplaceAt(PlanDay day, int index, PlannedWorkout workout) =>
        day.Workouts.Select((w, i) => i == index ? workout : w).ToList();

    private static TrainingPlan With(TrainingPlan plan, params (DateOnly Date, IReadOnlyList<PlannedWorkout> Workouts)[] changes)
    {
        var byDate = changes.ToDictionary(c => c.Date, c => c.Workouts);
        return plan with
        {
            Weeks = plan.Weeks
                .Select(w => w with { Days = w.Days.Select(d => byDate.TryGetValue(d.Date, out var workouts) ? d with { Workouts = workouts } : d).ToList() })
                .ToList(),
        };
    }

    private static PlanOperationResult Ok(TrainingPlan plan) => new(plan, null);

    private static PlanOperationResult Fail(string code, string message) => new(null, new PlanOperationError(code, message));
}

/// <summary>Either the new plan or why the operation could not be applied.</summary>
public sealed record PlanOperationResult(TrainingPlan? Plan, PlanOperationError? Error)
{
    [MemberNotNullWhen(true, nameof(Plan))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null && Plan is not null;
}

/// <param name="Code">
/// date-outside-plan, missing-field, same-day, no-session, target-not-rest, not-shorter, not-longer, same-type,
/// invalid-workout, unknown-kind.
/// </param>
/// <param name="Index">For <see cref="PlanOperationApplier.ApplyAll"/>: the position of the failing operation.</param>
public sealed record PlanOperationError(string Code, string Message, int Index = 0);
