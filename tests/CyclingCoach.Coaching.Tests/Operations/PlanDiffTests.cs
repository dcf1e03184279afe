using CyclingCoach.Coaching.Domain.Plans;
using static CyclingCoach.Coaching.Tests.Operations.TestPlans;

namespace CyclingCoach.Coaching.Tests.Operations;

public sealed class PlanDiffTests
{
    private static TrainingPlan Applied(TrainingPlan plan, PlanOperation op) =>
        PlanOperationApplier.Apply(plan, op).Plan ?? throw new InvalidOperationException("operation failed");

    [Fact]
    public void Equal_plans_built_separately_have_no_differences()
    {
        var diff = PlanDiff.Compare(Standard(), Standard());
        Assert.True(diff.IsEmpty);
        Assert.Empty(diff.Days);
        Assert.Empty(diff.Plan);
        Assert.Equal(2, diff.Weeks.Count);
        Assert.All(diff.Weeks, w => Assert.Equal(w.Before, w.After));
    }

    [Fact]
    public void A_removed_session_is_listed_alone_and_lowers_the_week_totals()
    {
        var before = Standard();
        var vo2 = DayOf(before, Day(3)).Workouts[0];
        var diff = PlanDiff.Compare(before, Applied(before, new PlanOperation(PlanOperationKind.AddRest, Day(3))));

        var change = Assert.Single(diff.Days);
        Assert.Equal(Day(3), change.Date);
        Assert.Equal(ChangeKind.Removed, change.Kind);
        Assert.Equal([vo2], change.Before);
        Assert.Empty(change.After);
        Assert.Empty(change.Fields);

        // Week 1: 60 + 60 + 60 + 180 + 90 min = 7.5 h with two hard sessions (threshold, VO2max); then 6.5 h, one.
        var week = diff.Weeks[0];
        Assert.Equal(Start, week.WeekStart);
        Assert.Equal(7.5, week.Before!.Hours);
        Assert.Equal(6.5, week.After!.Hours);
        Assert.Equal(2, week.Before.HardSessions);
        Assert.Equal(1, week.After.HardSessions);
        Assert.Equal(vo2.TargetTss, week.Before.Tss - week.After.Tss, 1);
        Assert.Equal(diff.Weeks[1].Before, diff.Weeks[1].After);
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void A_move_is_a_removed_day_and_an_added_day_with_equal_week_totals()
    {
        var before = Standard();
        var diff = PlanDiff.Compare(before, Applied(before, new PlanOperation(PlanOperationKind.Move, Day(1), Day(4))));

        Assert.Equal([(Day(1), ChangeKind.Removed), (Day(4), ChangeKind.Added)], diff.Days.Select(d => (d.Date, d.Kind)));
        Assert.Equal(diff.Weeks[0].Before, diff.Weeks[0].After);
    }

    [Fact]
    public void A_changed_intensity_lists_what_changed_but_not_the_length()
    {
        var before = Standard();
        var diff = PlanDiff.Compare(before, Applied(before, new PlanOperation(PlanOperationKind.ChangeIntensity, Day(1), WorkoutType: WorkoutType.Recovery)));

        var change = Assert.Single(diff.Days);
        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.Equal(["type", "name", "zone", "targetTss", "steps", "description"], change.Fields);
    }

    [Fact]
    public void A_shortened_session_lists_length_and_load_but_not_the_type()
    {
        var before = Standard();
        var diff = PlanDiff.Compare(before, Applied(before, new PlanOperation(PlanOperationKind.Shorten, Day(5), DurationSeconds: 7200)));

        var change = Assert.Single(diff.Days);
        Assert.Equal(["durationSeconds", "targetTss", "steps", "description"], change.Fields);
        Assert.Equal(3.0 - 2.0, diff.Weeks[0].Before!.Hours - diff.Weeks[0].After!.Hours, 2);
    }

    [Fact]
    public void A_second_session_on_a_day_is_a_count_change()
    {
        var before = Standard();
        var day = DayOf(before, Day(2)).Workouts[0];
        var after = WithDay(before, Day(2), day, WorkoutLibrary.Build(WorkoutType.Recovery, 1800));

        var change = Assert.Single(PlanDiff.Compare(before, after).Days);
        Assert.Equal(["count"], change.Fields);
        Assert.Equal(2, change.After.Count);
    }

    [Fact]
    public void Plan_fields_and_weeks_in_one_plan_only()
    {
        var before = Standard(2);
        var after = Standard(1) with { Focus = "threshold", Notes = "shorter block" };
        var diff = PlanDiff.Compare(before, after);

        Assert.Equal([new PlanFieldChange("focus", "test block", "threshold"), new PlanFieldChange("notes", null, "shorter block")], diff.Plan);
        // Week 2's five sessions are gone; its two rest days are not listed.
        Assert.Equal(5, diff.Days.Count);
        Assert.All(diff.Days, d => Assert.Equal(ChangeKind.Removed, d.Kind));
        Assert.All(diff.Days, d => Assert.True(d.Date >= Day(7)));
        Assert.Null(diff.Weeks[1].After);
        Assert.NotNull(diff.Weeks[1].Before);
    }

    [Fact]
    public void A_shifted_start_date_compares_dates_not_positions()
    {
        var before = Standard(1);
        var later = Standard(1);
        var after = later with
        {
            StartDate = Start.AddDays(7),
            Weeks = [later.Weeks[0] with { Days = later.Weeks[0].Days.Select(d => d with { Date = d.Date.AddDays(7) }).ToList() }],
        };
        var diff = PlanDiff.Compare(before, after);

        Assert.Equal(new PlanFieldChange("startDate", "2026-11-02", "2026-11-09"), Assert.Single(diff.Plan));
        Assert.Equal(10, diff.Days.Count);
        Assert.Equal(5, diff.Days.Count(d => d.Kind == ChangeKind.Added && d.Date >= Day(7)));
        Assert.Equal([Start, Start.AddDays(7)], diff.Weeks.Select(w => w.WeekStart));
    }
}
