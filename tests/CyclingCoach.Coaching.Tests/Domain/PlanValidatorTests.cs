using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using static CyclingCoach.Coaching.Tests.Domain.TestPlans;

namespace CyclingCoach.Coaching.Tests.Domain;

/// <summary>One test per violation code; day indexes count from Monday 2027-01-04 (0 = Monday, 7 = the next Monday).</summary>
public sealed class PlanValidatorTests
{
    private static IReadOnlyList<PlanViolation> Check(TrainingPlan plan, RuleSet? rules = null) => PlanValidator.Validate(plan, rules ?? RuleSet.None);

    private static PlanViolation Single(IReadOnlyList<PlanViolation> violations, string code)
    {
        var violation = Assert.Single(violations);
        Assert.Equal(code, violation.Code);
        return violation;
    }

    [Fact]
    public void A_plan_within_every_rule_has_no_violation()
    {
        var rules = new RuleSet
        {
            AvailableDays = [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday, DayOfWeek.Sunday],
            RestDays = [DayOfWeek.Monday],
            MaxHoursPerWeek = 8,
            MinHoursPerWeek = 4,
            MaxHoursPerDay = 1.5,
            LongRideDay = DayOfWeek.Saturday,
            LongRideMaxHours = 4,
            MaxHardSessionsPerWeek = 2,
            NoBackToBackHardDays = true,
        };
        var plan = Empty(2).With(1, WorkoutType.Threshold, 60).With(3, WorkoutType.SweetSpot, 90).With(5, WorkoutType.LongRide, 240)
            .With(6, WorkoutType.Endurance, 90).With(8, WorkoutType.Vo2Max, 60).With(12, WorkoutType.LongRide, 180).With(13, WorkoutType.Sprint, 60);

        Assert.Empty(Check(plan, rules));
    }

    [Fact]
    public void Start_not_on_a_Monday_is_a_structure_error()
    {
        var plan = Empty(1, new DateOnly(2027, 1, 5));

        var violation = Single(Check(plan), PlanViolationCodes.Structure);
        Assert.Equal(ViolationSeverity.Error, violation.Severity);
        Assert.Contains("not on a Monday", violation.Message);
    }

    [Fact]
    public void A_week_of_six_days_and_a_misnumbered_week_are_structure_errors()
    {
        var plan = Empty(2);
        plan = plan with { Weeks = [plan.Weeks[0] with { Days = plan.Weeks[0].Days.Take(6).ToList() }, plan.Weeks[1] with { WeekNumber = 5 }] };

        var violations = Check(plan);

        // Week 2's days are still where the calendar expects them (weeks are positional): two errors, no more.
        Assert.Equal(2, violations.Count);
        Assert.All(violations, v => Assert.Equal(PlanViolationCodes.Structure, v.Code));
        Assert.Contains(violations, v => v.Week == 1 && v.Message.Contains("6 days"));
        Assert.Contains(violations, v => v.Week == 2 && v.Message.Contains("numbered 5"));
    }

    [Fact]
    public void A_day_out_of_place_is_a_structure_error()
    {
        var plan = Empty();
        var days = plan.Weeks[0].Days.ToList();
        (days[2], days[3]) = (days[3], days[2]);

        var violations = Check(plan with { Weeks = [plan.Weeks[0] with { Days = days }] });

        Assert.Equal([Monday.AddDays(3), Monday.AddDays(2)], violations.Select(v => v.Date!.Value));
    }

    [Fact]
    public void No_weeks_is_a_structure_error() =>
        Single(Check(Empty() with { Weeks = [] }), PlanViolationCodes.Structure);

    [Theory]
    [InlineData("duration")]
    [InlineData("zero")]
    [InlineData("zone")]
    [InlineData("power")]
    [InlineData("tss")]
    [InlineData("no-steps")]
    public void A_workout_that_disagrees_with_its_steps_is_a_structure_error(string fault)
    {
        var good = Session(WorkoutType.Threshold, 60);
        var bad = fault switch
        {
            "duration" => good with { DurationSeconds = good.DurationSeconds + 61 },
            "zero" => good with { DurationSeconds = 0 },
            "zone" => good with { Zone = 8 },
            "power" => good with { Steps = [new WorkoutStep(StepKind.Steady, 3600, 3.5, 3.5)] },
            "tss" => good with { TargetTss = good.TargetTss + 1.5 },
            _ => good with { Steps = [] },
        };

        var violation = Single(Check(Empty().With(Monday, bad)), PlanViolationCodes.Structure);
        Assert.Equal(Monday, violation.Date);
    }

    [Fact]
    public void Duration_and_TSS_within_tolerance_are_fine()
    {
        var good = Session(WorkoutType.SweetSpot, 60);

        Assert.Empty(Check(Empty().With(Monday, good with { DurationSeconds = good.DurationSeconds + 60, TargetTss = good.TargetTss - 1 })));
    }

    [Fact]
    public void A_session_on_a_rest_day()
    {
        var violation = Single(Check(Empty().With(0, WorkoutType.Endurance, 60), new RuleSet { RestDays = [DayOfWeek.Monday] }), PlanViolationCodes.RestDay);
        Assert.Equal((Monday, 1), (violation.Date!.Value, violation.Week!.Value));
    }

    [Fact]
    public void A_session_on_an_unavailable_day()
    {
        var rules = new RuleSet { AvailableDays = [DayOfWeek.Saturday, DayOfWeek.Sunday] };

        Single(Check(Empty().With(2, WorkoutType.Endurance, 60).With(5, WorkoutType.Endurance, 60), rules), PlanViolationCodes.UnavailableDay);
    }

    [Fact]
    public void A_day_both_available_and_rest_counts_as_rest()
    {
        var rules = new RuleSet { AvailableDays = [DayOfWeek.Monday], RestDays = [DayOfWeek.Monday] };

        Single(Check(Empty().With(0, WorkoutType.Endurance, 60), rules), PlanViolationCodes.RestDay);
    }

    [Fact]
    public void A_session_inside_a_blackout_range_inclusive_of_both_ends()
    {
        var rules = new RuleSet { RestDays = [DayOfWeek.Tuesday], BlackoutDates = [new DateRange(Monday.AddDays(1), Monday.AddDays(3), "travel")] };
        var plan = Empty().With(0, WorkoutType.Endurance, 60).With(1, WorkoutType.Endurance, 60).With(3, WorkoutType.Endurance, 60).With(4, WorkoutType.Endurance, 60);

        var violations = Check(plan, rules);

        // Tuesday is a rest day too; the blackout is the reason reported, once.
        Assert.Equal([Monday.AddDays(1), Monday.AddDays(3)], violations.Select(v => v.Date!.Value));
        Assert.All(violations, v => Assert.Equal(PlanViolationCodes.Blackout, v.Code));
        Assert.Contains("travel", violations[0].Message);
    }

    [Fact]
    public void A_day_over_its_cap_counts_all_its_sessions()
    {
        var rules = new RuleSet { MaxHoursPerDay = 1.5 };
        var plan = Empty().With(0, WorkoutType.Endurance, 60).With(0, WorkoutType.Recovery, 40).With(1, WorkoutType.Endurance, 90);

        var violation = Single(Check(plan, rules), PlanViolationCodes.DayCap);
        Assert.Equal(Monday, violation.Date);
    }

    [Fact]
    public void A_weekday_cap_overrides_the_daily_cap_for_its_day()
    {
        var rules = new RuleSet { MaxHoursPerDay = 3, DayCaps = [new DayCap(DayOfWeek.Tuesday, 1)] };
        var plan = Empty().With(0, WorkoutType.Endurance, 150).With(1, WorkoutType.Endurance, 61);

        Assert.Equal(Monday.AddDays(1), Single(Check(plan, rules), PlanViolationCodes.DayCap).Date);
    }

    [Fact]
    public void The_long_ride_day_has_its_own_cap()
    {
        var rules = new RuleSet { MaxHoursPerDay = 2, LongRideDay = DayOfWeek.Saturday, LongRideMaxHours = 4 };
        var within = Empty().With(5, WorkoutType.Endurance, 240);
        var over = Empty().With(5, WorkoutType.LongRide, 250);

        Assert.Empty(Check(within, rules));
        Assert.Equal(Monday.AddDays(5), Single(Check(over, rules), PlanViolationCodes.LongRideCap).Date);
    }

    [Fact]
    public void The_long_ride_day_without_a_long_ride_cap_keeps_the_day_cap()
    {
        var rules = new RuleSet { MaxHoursPerDay = 2, LongRideDay = DayOfWeek.Saturday };

        Single(Check(Empty().With(5, WorkoutType.LongRide, 180), rules), PlanViolationCodes.DayCap);
    }

    [Fact]
    public void Without_a_long_ride_day_the_long_ride_cap_applies_to_the_long_ride_wherever_it_is()
    {
        var rules = new RuleSet { MaxHoursPerDay = 2, LongRideMaxHours = 5 };

        Assert.Empty(Check(Empty().With(2, WorkoutType.LongRide, 300), rules));
        Single(Check(Empty().With(2, WorkoutType.LongRide, 301), rules), PlanViolationCodes.LongRideCap);
        Single(Check(Empty().With(2, WorkoutType.Endurance, 150), rules), PlanViolationCodes.DayCap);
    }

    [Fact]
    public void Weekly_hours_over_the_maximum_per_plan_week()
    {
        var rules = new RuleSet { MaxHoursPerWeek = 5 };
        // 5 h in week 1 exactly; week 2 five minutes over.
        var plan = Empty(2).With(0, WorkoutType.Endurance, 150).With(6, WorkoutType.Endurance, 150)
            .With(7, WorkoutType.Endurance, 150).With(13, WorkoutType.Endurance, 155);

        var violation = Single(Check(plan, rules), PlanViolationCodes.WeekHoursMax);
        Assert.Equal((2, ViolationSeverity.Error), (violation.Week!.Value, violation.Severity));
    }

    [Fact]
    public void Weekly_hours_under_the_minimum_are_a_warning()
    {
        var violation = Single(Check(Empty().With(0, WorkoutType.Endurance, 119), new RuleSet { MinHoursPerWeek = 2 }), PlanViolationCodes.WeekHoursMin);

        Assert.Equal(ViolationSeverity.Warning, violation.Severity);
    }

    [Fact]
    public void Hard_sessions_are_counted_per_plan_week_and_tempo_is_not_hard()
    {
        var rules = new RuleSet { MaxHardSessionsPerWeek = 2 };
        // Week 1: threshold, VO2max and tempo (2 hard). Week 2: sweet spot twice on one day and sprints (3 hard).
        var plan = Empty(2).With(0, WorkoutType.Threshold, 60).With(2, WorkoutType.Vo2Max, 60).With(4, WorkoutType.Tempo, 60)
            .With(8, WorkoutType.SweetSpot, 60).With(8, WorkoutType.SweetSpot, 40).With(10, WorkoutType.Sprint, 60);

        Assert.Equal(2, Single(Check(plan, rules), PlanViolationCodes.HardSessions).Week);
    }

    [Fact]
    public void Zero_hard_sessions_allowed_means_none()
    {
        Single(Check(Empty().With(3, WorkoutType.Anaerobic, 60), new RuleSet { MaxHardSessionsPerWeek = 0 }), PlanViolationCodes.HardSessions);
    }

    [Fact]
    public void Back_to_back_hard_days_within_a_week_and_across_its_end()
    {
        var rules = new RuleSet { NoBackToBackHardDays = true };
        // Tuesday + Wednesday; Sunday + next Monday; Friday threshold then Saturday tempo is fine.
        var plan = Empty(2).With(1, WorkoutType.Threshold, 60).With(2, WorkoutType.SweetSpot, 60)
            .With(4, WorkoutType.Threshold, 60).With(5, WorkoutType.Tempo, 60)
            .With(6, WorkoutType.Vo2Max, 60).With(7, WorkoutType.Sprint, 60);

        var violations = Check(plan, rules);

        Assert.All(violations, v => Assert.Equal(PlanViolationCodes.BackToBackHard, v.Code));
        Assert.Equal([Monday.AddDays(2), Monday.AddDays(7)], violations.Select(v => v.Date!.Value));
        Assert.Empty(Check(plan, RuleSet.None));
    }
}
