using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using static CyclingCoach.Coaching.Tests.Domain.TestPlans;

namespace CyclingCoach.Coaching.Tests.Domain;

/// <summary>Each repair on a small plan; day indexes count from Monday 2027-01-04.</summary>
public sealed class PlanRepairTests
{
    private static PlanRepairResult Repair(TrainingPlan plan, RuleSet rules)
    {
        var result = PlanValidator.Repair(plan, rules);
        Assert.True(result.Accepted, string.Join("\n", result.Remaining.Select(v => v.Message)));
        return result;
    }

    [Fact]
    public void A_valid_plan_is_returned_unchanged()
    {
        var plan = Empty().With(1, WorkoutType.Threshold, 60).With(5, WorkoutType.LongRide, 180);

        var result = Repair(plan, new RuleSet { MaxHoursPerWeek = 5, RestDays = [DayOfWeek.Monday] });

        Assert.Empty(result.Repairs);
        Assert.Equal(plan.Json(), result.Plan.Json());
    }

    [Fact]
    public void A_session_on_a_rest_day_moves_to_the_nearest_free_allowed_day()
    {
        // Wednesday is a rest day; Tuesday is taken and Thursday unavailable, so Monday (two back) and Friday (two on)
        // tie: the earlier day wins.
        var rules = new RuleSet { RestDays = [DayOfWeek.Wednesday], AvailableDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Friday] };
        var plan = Empty().With(1, WorkoutType.Endurance, 60).With(2, WorkoutType.SweetSpot, 60);

        var result = Repair(plan, rules);

        Assert.Empty(result.Plan.On(2));
        Assert.Equal(WorkoutType.SweetSpot, Assert.Single(result.Plan.On(0)).Type);
        Assert.Contains("Moved", Assert.Single(result.Repairs));
        Assert.Contains("rest day", result.Repairs[0]);
    }

    [Fact]
    public void A_session_stays_in_its_week_and_is_dropped_when_no_day_can_take_it()
    {
        // Only Sunday is available and it is taken; the next week's free Monday is not a candidate.
        var rules = new RuleSet { AvailableDays = [DayOfWeek.Sunday] };
        var plan = Empty(2).With(6, WorkoutType.Endurance, 60).With(4, WorkoutType.Endurance, 90);

        var result = Repair(plan, rules);

        Assert.Empty(result.Plan.On(4));
        Assert.Single(result.Plan.On(6));
        Assert.Equal(3600, result.Plan.WeekSeconds(1));
        Assert.StartsWith("Dropped", Assert.Single(result.Repairs));
    }

    [Fact]
    public void A_move_respects_the_target_day_cap_and_the_back_to_back_rule()
    {
        // Blackout Tuesday; hard Monday. Wednesday is capped at 1 h (too short for the 90-min session), Thursday is
        // free and not next to a hard day: the threshold session lands on Thursday.
        var rules = new RuleSet
        {
            NoBackToBackHardDays = true,
            DayCaps = [new DayCap(DayOfWeek.Wednesday, 1)],
            BlackoutDates = [new DateRange(Monday.AddDays(1), Monday.AddDays(1))],
        };
        var plan = Empty().With(0, WorkoutType.Vo2Max, 60).With(1, WorkoutType.Threshold, 90).With(5, WorkoutType.Sprint, 60);

        var result = Repair(plan, rules);

        Assert.Equal(WorkoutType.Threshold, Assert.Single(result.Plan.On(3)).Type);
    }

    [Fact]
    public void A_day_over_its_cap_is_shrunk_to_the_cap()
    {
        var result = Repair(Empty().With(2, WorkoutType.Endurance, 180), new RuleSet { MaxHoursPerDay = 2 });

        var ride = Assert.Single(result.Plan.On(2));
        Assert.Equal((WorkoutType.Endurance, 7200), (ride.Type, ride.DurationSeconds));
        Assert.Contains("Shortened", Assert.Single(result.Repairs));
    }

    [Fact]
    public void A_day_cap_under_twenty_minutes_drops_the_session()
    {
        var result = Repair(Empty().With(2, WorkoutType.Endurance, 60), new RuleSet { DayCaps = [new DayCap(DayOfWeek.Wednesday, 0.25)] });

        Assert.Empty(result.Plan.On(2));
        Assert.StartsWith("Dropped", Assert.Single(result.Repairs));
    }

    [Fact]
    public void Surplus_hard_sessions_become_endurance_latest_first()
    {
        var plan = Empty().With(0, WorkoutType.Threshold, 60).With(2, WorkoutType.Vo2Max, 60).With(4, WorkoutType.SweetSpot, 75).With(6, WorkoutType.Sprint, 60);

        var result = Repair(plan, new RuleSet { MaxHardSessionsPerWeek = 2 });

        Assert.Equal([WorkoutType.Threshold, WorkoutType.Vo2Max, WorkoutType.Endurance, WorkoutType.Endurance],
            new[] { 0, 2, 4, 6 }.Select(d => Assert.Single(result.Plan.On(d)).Type));
        Assert.Equal(75 * 60, result.Plan.On(4)[0].DurationSeconds);
        Assert.Equal(2, result.Repairs.Count);
    }

    [Fact]
    public void The_second_of_two_hard_days_moves_when_a_day_allows_it()
    {
        // Tuesday and Wednesday hard; Thursday is free and its other neighbour (Friday) is easy.
        var plan = Empty().With(1, WorkoutType.Threshold, 60).With(2, WorkoutType.SweetSpot, 60).With(4, WorkoutType.Endurance, 60);

        var result = Repair(plan, new RuleSet { NoBackToBackHardDays = true });

        Assert.Empty(result.Plan.On(2));
        Assert.Equal(WorkoutType.SweetSpot, Assert.Single(result.Plan.On(3)).Type);
    }

    [Fact]
    public void The_second_of_two_hard_days_becomes_endurance_when_nothing_can_take_it()
    {
        var rules = new RuleSet { NoBackToBackHardDays = true, AvailableDays = [DayOfWeek.Saturday, DayOfWeek.Sunday] };
        // Sunday of week 1 and Monday of week 2 would also be back to back, but Monday is unavailable: it is moved off first.
        var plan = Empty().With(5, WorkoutType.Threshold, 60).With(6, WorkoutType.Vo2Max, 60);

        var result = Repair(plan, rules);

        Assert.Equal(WorkoutType.Threshold, result.Plan.On(5)[0].Type);
        Assert.Equal(WorkoutType.Endurance, result.Plan.On(6)[0].Type);
    }

    [Fact]
    public void Back_to_back_is_resolved_across_the_week_boundary()
    {
        var rules = new RuleSet { NoBackToBackHardDays = true, AvailableDays = [DayOfWeek.Sunday, DayOfWeek.Monday] };
        var plan = Empty(2).With(6, WorkoutType.Threshold, 60).With(7, WorkoutType.Threshold, 60);

        var result = Repair(plan, rules);

        // Week 2's Monday session is the second hard day; its week's free Sunday takes it.
        Assert.Empty(result.Plan.On(7));
        Assert.Equal(WorkoutType.Threshold, Assert.Single(result.Plan.On(13)).Type);
    }

    [Fact]
    public void Weekly_hours_are_trimmed_from_the_longest_session_that_is_not_the_long_ride()
    {
        // 4 h long ride + 2 h + 1 h = 7 h against a 6 h maximum: the 2-hour ride loses the hour.
        var plan = Empty().With(1, WorkoutType.Endurance, 120).With(3, WorkoutType.SweetSpot, 60).With(5, WorkoutType.LongRide, 240);

        var result = Repair(plan, new RuleSet { MaxHoursPerWeek = 6 });

        Assert.Equal([3600, 3600, 4 * 3600], new[] { 1, 3, 5 }.Select(d => result.Plan.On(d)[0].DurationSeconds));
    }

    [Fact]
    public void Weekly_trimming_drops_a_session_that_would_end_under_twenty_minutes()
    {
        // 25 + 25 + 25 min against a 60-min maximum: cutting 15 min would leave 10, so the latest session goes.
        var plan = Empty().With(0, WorkoutType.Recovery, 25).With(2, WorkoutType.Recovery, 25).With(4, WorkoutType.Recovery, 25);

        var result = Repair(plan, new RuleSet { MaxHoursPerWeek = 1 });

        Assert.Equal(50 * 60, result.Plan.WeekSeconds(1));
        Assert.Empty(result.Plan.On(4));
        Assert.StartsWith("Dropped Friday", Assert.Single(result.Repairs));
    }

    [Fact]
    public void A_week_under_its_minimum_gains_an_endurance_ride_where_the_rules_allow()
    {
        var rules = new RuleSet { MinHoursPerWeek = 3, MaxHoursPerDay = 1.5, AvailableDays = [DayOfWeek.Monday, DayOfWeek.Thursday, DayOfWeek.Friday] };
        var plan = Empty().With(0, WorkoutType.Endurance, 60);

        var result = Repair(plan, rules);

        // Thursday gets the day's 1.5 h, Friday the remaining 30 min.
        Assert.Equal(5400, result.Plan.On(3)[0].DurationSeconds);
        Assert.Equal(1800, result.Plan.On(4)[0].DurationSeconds);
        Assert.Equal(3 * 3600, result.Plan.WeekSeconds(1));
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void An_unreachable_minimum_stays_as_a_warning_and_the_plan_is_accepted()
    {
        var rules = new RuleSet { MinHoursPerWeek = 10, MaxHoursPerWeek = 12, AvailableDays = [DayOfWeek.Saturday], MaxHoursPerDay = 3 };

        var result = Repair(Empty(), rules);

        Assert.Equal(3 * 3600, result.Plan.WeekSeconds(1));
        var warning = Assert.Single(result.Remaining);
        Assert.Equal((PlanViolationCodes.WeekHoursMin, ViolationSeverity.Warning), (warning.Code, warning.Severity));
    }

    [Fact]
    public void Shape_faults_are_recomputed_from_the_steps()
    {
        var good = Session(WorkoutType.Threshold, 60);
        var plan = Empty().With(Monday, good with { DurationSeconds = 100, TargetTss = 3, Zone = 0 }).With(Monday.AddDays(2), good with { Steps = [] });
        plan = plan with { Weeks = [plan.Weeks[0] with { WeekNumber = 3 }] };

        var result = Repair(plan, RuleSet.None);

        Assert.Empty(result.Remaining);
        Assert.Equal(good, result.Plan.On(0)[0]);
        Assert.Equal(3600, result.Plan.On(2)[0].DurationSeconds);
        Assert.Equal(1, result.Plan.Weeks[0].WeekNumber);
        Assert.Equal(3, result.Repairs.Count);
    }

    [Fact]
    public void A_broken_calendar_is_refused_with_its_violations()
    {
        var plan = Empty(1, Monday.AddDays(1)).With(Monday.AddDays(1), Session(WorkoutType.Endurance, 60));

        var result = PlanValidator.Repair(plan, new RuleSet { RestDays = [DayOfWeek.Tuesday] });

        Assert.False(result.Accepted);
        Assert.Same(plan, result.Plan);
        Assert.Contains(result.Remaining, v => v.Code == PlanViolationCodes.Structure);
        Assert.Contains(result.Remaining, v => v.Code == PlanViolationCodes.RestDay);
    }
}
