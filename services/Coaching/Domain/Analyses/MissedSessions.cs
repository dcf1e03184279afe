using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Domain.Analyses;

/// <summary>What to do about a missed hard session: the move, or why it is let go (then <see cref="Move"/> is null).</summary>
public sealed record MissedSessionAdvice(PlannedWorkout Session, PlanSuggestion? Move, string Verdict);

/// <summary>
/// A planned key (hard) session that was not ridden (coaching.md §5 "Missed key session"): missed work cannot simply
/// be made up [FR6], so it moves only to a later day of the same week that is free (rest, or an easy ride it
/// replaces; a long ride keeps its place), on a day the rules allow riding, with at least one easy day between it and
/// any other hard session, without breaking a rule (weekly hard sessions, day caps…), and — when the form is known —
/// on a day projected above TSB −20. Otherwise it is dropped: the week goes on as planned.
/// </summary>
public static class MissedSessions
{
    /// <param name="missed">The day of the missed session (its session no longer counts: it was not ridden).</param>
    /// <param name="earliest">The first day it may move to (the day after the check, or after the ride).</param>
    /// <param name="projectedTsb">The form going into a day, when known.</param>
    /// <param name="taken">Days another waiting suggestion already changes (one change a day).</param>
    public static MissedSessionAdvice? Advise(
        TrainingPlan plan, DateOnly missed, DateOnly earliest, RuleSet rules, Func<TrainingPlan, DateOnly, double>? projectedTsb = null,
        IReadOnlySet<DateOnly>? taken = null)
    {
        if (plan.Day(missed) is not { } day || day.Workouts.Where(w => w.Type.IsHard()).MaxBy(w => w.DurationSeconds) is not { } session)
        {
            return null;
        }

        // The missed day as it went: nothing ridden, so it holds no hard session when the spacing and rules are judged.
        var asRidden = PlanOperationApplier.Apply(plan, new PlanOperation(PlanOperationKind.AddRest, missed)).Plan!;
        var week = plan.Weeks.First(w => w.Days.Any(d => d.Date == missed));
        foreach (var target in week.Days.Where(d => d.Date > missed && d.Date >= earliest && Reactions.IsFree(d) && rules.AllowsSessionOn(d.Date)
                     && taken?.Contains(d.Date) != true))
        {
            var op = new PlanOperation(PlanOperationKind.Replace, target.Date, Workout: session);
            if (PlanOperationApplier.Apply(asRidden, op) is not { Succeeded: true, Plan: var after }
                || HasHardWithin(after, target.Date, EasyDaysBetweenHard)
                || Reactions.BreaksRules(asRidden, after, rules)
                || projectedTsb?.Invoke(after, target.Date) is <= RecoveredTsb)
            {
                continue;
            }

            var instead = target.IsRest ? "a rest day" : $"its {string.Join(" + ", target.Workouts.Select(w => w.Name))}";
            var reason = $"Move the missed {session.Name} ({session.DurationSeconds / 60} min) of {missed:ddd d MMM} to {target.Date:ddd d MMM} "
                + $"(instead of {instead}): it stays in its week with an easy day either side.";
            return new MissedSessionAdvice(session, new PlanSuggestion(op, reason, ["plannedTss", "plannedDurationSeconds"]), reason);
        }

        return new MissedSessionAdvice(session, null,
            $"Let the missed {session.Name} of {missed:ddd d MMM} go: no later day of its week is free with an easy day either side "
            + "within your rules and your form. Missed work is not made up; the week goes on as planned.");
    }

    /// <summary>A hard session on another day within <paramref name="days"/> of <paramref name="date"/>.</summary>
    private static bool HasHardWithin(TrainingPlan plan, DateOnly date, int days) =>
        Enumerable.Range(1, days).Any(k => Reactions.HardOn(plan, date.AddDays(-k)) || Reactions.HardOn(plan, date.AddDays(k)));
}
