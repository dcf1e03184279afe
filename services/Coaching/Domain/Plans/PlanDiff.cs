namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>
/// What changed between two plan versions: the plan's own fields, every day that differs (unchanged days are left
/// out) and each week's totals in both versions. A date missing from one plan counts as a rest day there.
/// </summary>
public static class PlanDiff
{
    public static PlanDiffResult Compare(TrainingPlan before, TrainingPlan after)
    {
        var plan = new List<PlanFieldChange>();
        AddIfDifferent(plan, "focus", before.Focus, after.Focus);
        AddIfDifferent(plan, "startDate", before.StartDate.ToString("yyyy-MM-dd"), after.StartDate.ToString("yyyy-MM-dd"));
        AddIfDifferent(plan, "notes", before.Notes, after.Notes);

        var beforeDays = before.Days.ToDictionary(d => d.Date, d => d.Workouts);
        var afterDays = after.Days.ToDictionary(d => d.Date, d => d.Workouts);
        var days = new List<DayChange>();
        foreach (var date in beforeDays.Keys.Union(afterDays.Keys).Order())
        {
            var was = beforeDays.GetValueOrDefault(date) ?? [];
            var now = afterDays.GetValueOrDefault(date) ?? [];
            var fields = ChangedFields(was, now);
            if (fields.Count > 0)
            {
                var kind = was.Count == 0 ? ChangeKind.Added : now.Count == 0 ? ChangeKind.Removed : ChangeKind.Changed;
                days.Add(new DayChange(date, kind, was, now, kind == ChangeKind.Changed ? fields : []));
            }
        }

        var beforeWeeks = Totals(before);
        var afterWeeks = Totals(after);
        var weeks = beforeWeeks.Keys.Union(afterWeeks.Keys).Order()
            .Select(monday => new WeekComparison(monday, beforeWeeks.GetValueOrDefault(monday), afterWeeks.GetValueOrDefault(monday)))
            .ToList();

        return new PlanDiffResult(plan, days, weeks);
    }

    private static void AddIfDifferent(List<PlanFieldChange> changes, string field, string? before, string? after)
    {
        if (before != after)
        {
            changes.Add(new PlanFieldChange(field, before, after));
        }
    }

    /// <summary>Fields that differ between the sessions, compared by position; "count" when one day has more sessions.</summary>
    private static List<string> ChangedFields(IReadOnlyList<PlannedWorkout> before, IReadOnlyList<PlannedWorkout> after)
    {
        var fields = new List<string>();
        void Check(string name, bool differs)
        {
            if (differs && !fields.Contains(name))
            {
                fields.Add(name);
            }
        }

        Check("count", before.Count != after.Count);
        foreach (var (b, a) in before.Zip(after))
        {
            Check("type", b.Type != a.Type);
            Check("name", b.Name != a.Name);
            Check("durationSeconds", b.DurationSeconds != a.DurationSeconds);
            Check("zone", b.Zone != a.Zone);
            Check("targetTss", b.TargetTss != a.TargetTss);
            // Record equality would compare the step lists by reference.
            Check("steps", !b.Steps.SequenceEqual(a.Steps));
            Check("description", b.Description != a.Description);
        }

        return fields;
    }

    /// <summary>Totals per week keyed by the week's Monday (weeks follow each other from the plan's start).</summary>
    private static Dictionary<DateOnly, WeekTotals> Totals(TrainingPlan plan) => plan.Weeks
        .Select((week, i) =>
        {
            var workouts = week.Days.SelectMany(d => d.Workouts).ToList();
            return new WeekTotals(
                plan.StartDate.AddDays(7 * i),
                week.WeekNumber,
                week.Focus,
                Math.Round(workouts.Sum(w => w.DurationSeconds) / 3600.0, 2),
                Math.Round(workouts.Sum(w => w.TargetTss), 1),
                workouts.Count(w => w.Type.IsHard()));
        })
        .ToDictionary(t => t.WeekStart);
}

/// <param name="Plan">Changes to the plan's own fields: "focus", "startDate", "notes".</param>
/// <param name="Days">Only the days that differ, in date order.</param>
/// <param name="Weeks">Every week of either plan, in date order.</param>
public sealed record PlanDiffResult(IReadOnlyList<PlanFieldChange> Plan, IReadOnlyList<DayChange> Days, IReadOnlyList<WeekComparison> Weeks)
{
    /// <summary>Nothing differs, week focus and totals included.</summary>
    public bool IsEmpty => Plan.Count == 0 && Days.Count == 0 && Weeks.All(w => w.Before == w.After);
}

public sealed record PlanFieldChange(string Field, string? Before, string? After);

public enum ChangeKind
{
    /// <summary>A rest day (or a day outside the old plan) now has sessions.</summary>
    Added,

    /// <summary>A day with sessions is now a rest day (or outside the new plan).</summary>
    Removed,

    /// <summary>Sessions on both sides, different.</summary>
    Changed,
}

/// <param name="Fields">
/// For <see cref="ChangeKind.Changed"/>: what differs among "count", "type", "name", "durationSeconds", "zone",
/// "targetTss", "steps", "description" (sessions compared by position). Empty for added and removed days.
/// </param>
public sealed record DayChange(DateOnly Date, ChangeKind Kind, IReadOnlyList<PlannedWorkout> Before, IReadOnlyList<PlannedWorkout> After, IReadOnlyList<string> Fields);

/// <param name="Before">Null when the week is not in the older plan.</param>
/// <param name="After">Null when the week is not in the newer plan.</param>
public sealed record WeekComparison(DateOnly WeekStart, WeekTotals? Before, WeekTotals? After);

/// <param name="HardSessions">Sessions of a hard type (<see cref="WorkoutTypes.IsHard"/>).</param>
public sealed record WeekTotals(DateOnly WeekStart, int WeekNumber, string Focus, double Hours, double Tss, int HardSessions);
