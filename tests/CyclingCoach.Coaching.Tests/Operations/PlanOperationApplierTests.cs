using CyclingCoach.Coaching.Domain.Plans;
using static CyclingCoach.Coaching.Tests.Operations.TestPlans;

namespace CyclingCoach.Coaching.Tests.Operations;

public sealed class PlanOperationApplierTests
{
    // Standard(): Mon 2 rest, Tue 3 threshold 60, Wed 4 endurance 60, Thu 5 VO2max 60, Fri 6 rest, Sat 7 long 180, Sun 8 endurance 90.
    private static readonly DateOnly Mon = Day(0), Tue = Day(1), Wed = Day(2), Thu = Day(3), Fri = Day(4), Sat = Day(5);

    private static TrainingPlan Applied(TrainingPlan plan, PlanOperation op)
    {
        var result = PlanOperationApplier.Apply(plan, op);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Plan;
    }

    private static void Fails(string code, TrainingPlan plan, PlanOperation op)
    {
        var result = PlanOperationApplier.Apply(plan, op);
        Assert.False(result.Succeeded);
        Assert.Null(result.Plan);
        Assert.Equal(code, result.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    private static WorkoutType OnlyType(TrainingPlan plan, DateOnly date) => Assert.Single(DayOf(plan, date).Workouts).Type;

    [Fact]
    public void Move_puts_the_sessions_on_the_rest_day_and_leaves_the_old_plan_alone()
    {
        var plan = Standard();
        var moved = Applied(plan, new PlanOperation(PlanOperationKind.Move, Tue, Fri));

        Assert.True(DayOf(moved, Tue).IsRest);
        Assert.Equal(WorkoutType.Threshold, OnlyType(moved, Fri));
        Assert.Equal(WorkoutType.Threshold, OnlyType(plan, Tue));
        Assert.True(DayOf(plan, Fri).IsRest);
        // Every other day is untouched.
        Assert.All(moved.Days.Where(d => d.Date != Tue && d.Date != Fri), d => Assert.Equal(DayOf(plan, d.Date).Workouts, d.Workouts));
    }

    [Fact]
    public void Move_errors()
    {
        var plan = Standard();
        Fails("target-not-rest", plan, new PlanOperation(PlanOperationKind.Move, Tue, Wed));
        Fails("no-session", plan, new PlanOperation(PlanOperationKind.Move, Mon, Fri));
        Fails("missing-field", plan, new PlanOperation(PlanOperationKind.Move, Tue));
        Fails("same-day", plan, new PlanOperation(PlanOperationKind.Move, Tue, Tue));
        Fails("date-outside-plan", plan, new PlanOperation(PlanOperationKind.Move, Tue, Start.AddDays(14)));
        Fails("date-outside-plan", plan, new PlanOperation(PlanOperationKind.Move, Start.AddDays(-1), Fri));
    }

    [Fact]
    public void Swap_trades_two_days_including_a_rest_day()
    {
        var plan = Standard();
        var swapped = Applied(plan, new PlanOperation(PlanOperationKind.Swap, Tue, Wed));
        Assert.Equal(WorkoutType.Endurance, OnlyType(swapped, Tue));
        Assert.Equal(WorkoutType.Threshold, OnlyType(swapped, Wed));

        var withRest = Applied(plan, new PlanOperation(PlanOperationKind.Swap, Mon, Tue));
        Assert.Equal(WorkoutType.Threshold, OnlyType(withRest, Mon));
        Assert.True(DayOf(withRest, Tue).IsRest);
    }

    [Fact]
    public void Swap_errors()
    {
        var plan = Standard();
        Fails("no-session", plan, new PlanOperation(PlanOperationKind.Swap, Mon, Fri));
        Fails("same-day", plan, new PlanOperation(PlanOperationKind.Swap, Wed, Wed));
        Fails("missing-field", plan, new PlanOperation(PlanOperationKind.Swap, Wed));
        Fails("date-outside-plan", plan, new PlanOperation(PlanOperationKind.Swap, Wed, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Shorten_rebuilds_the_session_at_the_new_length()
    {
        var plan = Standard();
        var shortened = Applied(plan, new PlanOperation(PlanOperationKind.Shorten, Sat, DurationSeconds: 7200));
        var session = Assert.Single(DayOf(shortened, Sat).Workouts);
        Assert.Equal(WorkoutType.LongRide, session.Type);
        Assert.Equal(7200, session.DurationSeconds);
        Assert.Equal(7200, WorkoutSteps.TotalSeconds(session.Steps));
        Assert.True(session.TargetTss < DayOf(plan, Sat).Workouts[0].TargetTss);
    }

    [Fact]
    public void Shorten_errors()
    {
        var plan = Standard();
        Fails("not-shorter", plan, new PlanOperation(PlanOperationKind.Shorten, Sat, DurationSeconds: 180 * 60));
        Fails("not-shorter", plan, new PlanOperation(PlanOperationKind.Shorten, Sat, DurationSeconds: 200 * 60));
        Fails("no-session", plan, new PlanOperation(PlanOperationKind.Shorten, Mon, DurationSeconds: 1800));
        Fails("missing-field", plan, new PlanOperation(PlanOperationKind.Shorten, Sat));

        // The library's floor is 20 min: asking a 20-min session for 5 min cannot make it shorter.
        var short20 = Plan((WorkoutType.Recovery, 20));
        Fails("not-shorter", short20, new PlanOperation(PlanOperationKind.Shorten, Mon, DurationSeconds: 300));
    }

    [Fact]
    public void Lengthen_rebuilds_the_session_at_the_new_length()
    {
        var lengthened = Applied(Standard(), new PlanOperation(PlanOperationKind.Lengthen, Wed, DurationSeconds: 5400));
        var session = Assert.Single(DayOf(lengthened, Wed).Workouts);
        Assert.Equal(WorkoutType.Endurance, session.Type);
        Assert.Equal(5400, session.DurationSeconds);
    }

    [Fact]
    public void Lengthen_errors()
    {
        var plan = Standard();
        Fails("not-longer", plan, new PlanOperation(PlanOperationKind.Lengthen, Wed, DurationSeconds: 2700));
        Fails("not-longer", plan, new PlanOperation(PlanOperationKind.Lengthen, Wed, DurationSeconds: 3600));
        Fails("no-session", plan, new PlanOperation(PlanOperationKind.Lengthen, Fri, DurationSeconds: 3600));
        Fails("missing-field", plan, new PlanOperation(PlanOperationKind.Lengthen, Wed));
    }

    [Fact]
    public void On_a_day_with_two_sessions_the_longest_is_changed_and_the_other_kept_in_place()
    {
        var commute = WorkoutLibrary.Build(WorkoutType.Endurance, 30 * 60);
        var intervals = WorkoutLibrary.Build(WorkoutType.Threshold, 75 * 60);
        var plan = WithDay(Standard(), Tue, commute, intervals);

        var shortened = Applied(plan, new PlanOperation(PlanOperationKind.Shorten, Tue, DurationSeconds: 45 * 60));
        Assert.Equal([commute.DurationSeconds, 45 * 60], DayOf(shortened, Tue).Workouts.Select(w => w.DurationSeconds));
        Assert.Same(commute, DayOf(shortened, Tue).Workouts[0]);

        var changed = Applied(plan, new PlanOperation(PlanOperationKind.ChangeIntensity, Tue, WorkoutType: WorkoutType.Recovery));
        Assert.Equal([WorkoutType.Endurance, WorkoutType.Recovery], DayOf(changed, Tue).Workouts.Select(w => w.Type));
        Assert.Equal(75 * 60, DayOf(changed, Tue).Workouts[1].DurationSeconds);
    }

    [Fact]
    public void ChangeIntensity_keeps_the_length_and_takes_the_new_type()
    {
        var changed = Applied(Standard(), new PlanOperation(PlanOperationKind.ChangeIntensity, Tue, WorkoutType: WorkoutType.Recovery));
        var session = Assert.Single(DayOf(changed, Tue).Workouts);
        Assert.Equal(WorkoutType.Recovery, session.Type);
        Assert.Equal(1, session.Zone);
        Assert.Equal(3600, session.DurationSeconds);
        // A recovery hour at 50 % FTP is far below a threshold hour.
        Assert.True(session.TargetTss < 40, $"{session.TargetTss}");
    }

    [Fact]
    public void ChangeIntensity_errors()
    {
        var plan = Standard();
        Fails("same-type", plan, new PlanOperation(PlanOperationKind.ChangeIntensity, Tue, WorkoutType: WorkoutType.Threshold));
        Fails("missing-field", plan, new PlanOperation(PlanOperationKind.ChangeIntensity, Tue));
        Fails("no-session", plan, new PlanOperation(PlanOperationKind.ChangeIntensity, Mon, WorkoutType: WorkoutType.Endurance));
    }

    [Fact]
    public void AddRest_removes_the_sessions()
    {
        var plan = Standard();
        Assert.True(DayOf(Applied(plan, new PlanOperation(PlanOperationKind.AddRest, Thu)), Thu).IsRest);
        Fails("no-session", plan, new PlanOperation(PlanOperationKind.AddRest, Fri));
        Fails("date-outside-plan", plan, new PlanOperation(PlanOperationKind.AddRest, Start.AddDays(30)));
    }

    [Fact]
    public void Replace_recomputes_length_and_tss_from_the_steps()
    {
        // 60 min at 70 % FTP: 3600 × 0.7² / 36 = 49.0; 4 × (4 min at 100 % + 2 min at 50 %): 4 × (240 + 120 × 0.25) / 36 = 30.0.
        var claimed = new PlannedWorkout(
            WorkoutType.Threshold, "Custom", DurationSeconds: 600, Zone: 4, TargetTss: 500,
            [new WorkoutStep(StepKind.Steady, 3600, 0.7, 0.7), new WorkoutStep(StepKind.Intervals, 240, 1.0, 1.0, Repeat: 4, OffDurationSeconds: 120, OffPower: 0.5)],
            "engine says 10 min");

        var replaced = Applied(Standard(), new PlanOperation(PlanOperationKind.Replace, Wed, Workout: claimed));
        var session = Assert.Single(DayOf(replaced, Wed).Workouts);
        Assert.Equal(3600 + 4 * 360, session.DurationSeconds);
        Assert.Equal(79.0, session.TargetTss, 1);
        Assert.Equal("Custom", session.Name);

        // A rest day can get a session too.
        Assert.Equal(WorkoutType.Threshold, OnlyType(Applied(Standard(), new PlanOperation(PlanOperationKind.Replace, Mon, Workout: claimed)), Mon));
    }

    [Fact]
    public void Replace_errors()
    {
        var plan = Standard();
        Fails("missing-field", plan, new PlanOperation(PlanOperationKind.Replace, Wed));
        var empty = new PlannedWorkout(WorkoutType.Endurance, "Nothing", 3600, 2, 40, [], "no steps");
        Fails("invalid-workout", plan, new PlanOperation(PlanOperationKind.Replace, Wed, Workout: empty));
        var negative = empty with { Steps = [new WorkoutStep(StepKind.Steady, -60, 0.6, 0.6)] };
        Fails("invalid-workout", plan, new PlanOperation(PlanOperationKind.Replace, Wed, Workout: negative));
    }

    [Fact]
    public void ApplyAll_applies_in_order()
    {
        var plan = PlanOperationApplier.ApplyAll(Standard(), [
            new PlanOperation(PlanOperationKind.Move, Tue, Fri),
            new PlanOperation(PlanOperationKind.Move, Wed, Tue),
        ]);
        Assert.True(plan.Succeeded);
        Assert.Equal(WorkoutType.Threshold, OnlyType(plan.Plan, Fri));
        Assert.Equal(WorkoutType.Endurance, OnlyType(plan.Plan, Tue));
        Assert.True(DayOf(plan.Plan, Wed).IsRest);
    }

    [Fact]
    public void ApplyAll_stops_at_the_first_failure_and_says_which()
    {
        var result = PlanOperationApplier.ApplyAll(Standard(), [
            new PlanOperation(PlanOperationKind.AddRest, Wed),
            new PlanOperation(PlanOperationKind.AddRest, Thu),
            new PlanOperation(PlanOperationKind.Move, Wed, Fri), // Wed is a rest day by now
            new PlanOperation(PlanOperationKind.Move, Sat, Sat),
        ]);
        Assert.False(result.Succeeded);
        Assert.Equal("no-session", result.Error.Code);
        Assert.Equal(2, result.Error.Index);
    }

    [Fact]
    public void ApplyAll_of_nothing_is_the_same_plan()
    {
        var plan = Standard();
        var result = PlanOperationApplier.ApplyAll(plan, []);
        Assert.True(result.Succeeded);
        Assert.Same(plan, result.Plan);
    }
}
