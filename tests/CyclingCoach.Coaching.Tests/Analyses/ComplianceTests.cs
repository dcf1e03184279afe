using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Tests.Operations;

namespace CyclingCoach.Coaching.Tests.Analyses;

public sealed class ComplianceTests
{
    private static readonly DateOnly Date = new(2026, 11, 3);

    private static PlannedWorkout Session(int seconds, double tss) => new(WorkoutType.Threshold, "Threshold", seconds, 4, tss, [], "");

    private static PlanDay Planned(params PlannedWorkout[] workouts) => new(Date, workouts);

    [Theory]
    [InlineData(60.0, 75.0)]      // 60 / 80
    [InlineData(80.0, 100.0)]
    [InlineData(120.0, 66.7)]     // far more lowers it too: 80 / 120
    [InlineData(160.0, 50.0)]     // twice the plan scores like half of it
    [InlineData(0.0, 0.0)]
    public void On_tss_when_both_are_known(double doneTss, double expected)
    {
        var result = Compliance.Assess(Planned(Session(3600, 80)), 3000, doneTss);
        Assert.Equal(expected, result.Percent);
        Assert.Equal(ComplianceBasis.Tss, result.Basis);
        Assert.Equal(ComplianceStatus.Scored, result.Status);
    }

    [Fact]
    public void On_duration_without_a_ride_tss_or_a_planned_tss()
    {
        // 2700 s of a planned 3600 s.
        Assert.Equal(75.0, Compliance.Percent(Planned(Session(3600, 80)), 2700, null));
        Assert.Equal(ComplianceBasis.Duration, Compliance.Assess(Planned(Session(3600, 80)), 2700, null).Basis);
        // Planned TSS unknown (0): 1800 s of 3600 s, whatever the ride's TSS.
        Assert.Equal(50.0, Compliance.Percent(Planned(Session(3600, 0)), 1800, 50));
        // 5400 s for a planned 3600 s: 3600 / 5400.
        Assert.Equal(66.7, Compliance.Percent(Planned(Session(3600, 80)), 5400, null));
    }

    [Fact]
    public void A_day_with_two_sessions_is_measured_on_their_sum()
    {
        // 80 + 20 planned, 100 done.
        Assert.Equal(100.0, Compliance.Percent(Planned(Session(3600, 80), Session(1800, 20)), 4000, 100));
        // 3600 + 1800 s planned, 2700 s done: 2700 / 5400.
        Assert.Equal(50.0, Compliance.Percent(Planned(Session(3600, 80), Session(1800, 20)), 2700, null));
    }

    [Fact]
    public void Rest_days_and_days_without_a_plan()
    {
        var rest = Compliance.Assess(Planned(), 3600, 50);
        Assert.Null(rest.Percent);
        Assert.Equal(ComplianceStatus.RestDayRidden, rest.Status);

        Assert.Equal(100.0, Compliance.Percent(Planned(), 0, null));

        var none = Compliance.Assess(null, 3600, 50);
        Assert.Null(none.Percent);
        Assert.Equal(ComplianceStatus.NoPlan, none.Status);
    }

    [Fact]
    public void Facts_carry_the_planned_session_and_the_score()
    {
        // Tuesday's threshold hour from the library: warm-up 600 s 45→70 % (600 × 1.0075 / 3 = 201.5), 2 × 120 s at
        // 65 % (101.4), 3 × (480 s at 100 % + 240 s at 55 %) (1657.8), cool-down 600 s 60→40 % (152): 2112.7 / 36 = 58.7.
        var plan = TestPlans.Standard();
        var id = Guid.NewGuid();
        var ride = new RideNumbers(id, TestPlans.Day(1), "Lunch ride", 3300, 30000, 44.0, 0.9, 230, 215, 150, 255, 170);

        var facts = Compliance.BuildFacts(ride, plan, 60, 70, -10);

        Assert.Equal(new PlannedSessionFacts(WorkoutType.Threshold, "Threshold intervals", 3600, 58.7), facts.Planned);
        Assert.Equal(75.0, facts.CompliancePercent); // 44.0 / 58.7 = 0.7496
        Assert.False(facts.PlannedRestDay);
        Assert.Equal(id, facts.WorkoutId);
        Assert.Equal(-10, facts.Tsb);
        Assert.Equal(58.7, facts.Citable["plannedTss"]);
        Assert.Equal(3600, facts.Citable["plannedDurationSeconds"]);
        Assert.Equal(75.0, facts.Citable["compliancePercent"]);
        Assert.Equal(170, facts.Citable["lactateThresholdHeartRateBpm"]);
        Assert.Equal(255, facts.Citable["ftpWatts"]);
    }

    [Fact]
    public void Facts_for_a_day_with_two_sessions_name_both_and_take_the_longest_type()
    {
        var plan = TestPlans.WithDay(TestPlans.Standard(), TestPlans.Day(1),
            WorkoutLibrary.Build(WorkoutType.Endurance, 1800), WorkoutLibrary.Build(WorkoutType.Threshold, 4500));
        var facts = Compliance.BuildFacts(new RideNumbers(Guid.NewGuid(), TestPlans.Day(1), "Ride", 6300, 50000), plan, 0, 0, 0);

        Assert.Equal(WorkoutType.Threshold, facts.Planned!.Type);
        Assert.Equal("Endurance ride + Threshold intervals", facts.Planned.Name);
        Assert.Equal(6300, facts.Planned.DurationSeconds);
        Assert.Equal(100.0, facts.CompliancePercent); // no ride TSS: 6300 s of 6300 s
    }

    [Fact]
    public void Facts_on_a_rest_day_outside_the_plan_or_without_one_have_no_planned_session()
    {
        var plan = TestPlans.Standard();
        var restDay = Compliance.BuildFacts(new RideNumbers(Guid.NewGuid(), TestPlans.Day(0), "Ride", 3600, 30000, 50), plan, 0, 0, 0);
        Assert.Null(restDay.Planned);
        Assert.Null(restDay.CompliancePercent);
        Assert.True(restDay.PlannedRestDay);
        Assert.DoesNotContain("compliancePercent", restDay.Citable.Keys);
        Assert.DoesNotContain("plannedTss", restDay.Citable.Keys);

        var outside = Compliance.BuildFacts(new RideNumbers(Guid.NewGuid(), TestPlans.Day(40), "Ride", 3600, 30000, 50), plan, 0, 0, 0);
        Assert.Null(outside.Planned);
        Assert.Null(outside.CompliancePercent);
        Assert.False(outside.PlannedRestDay);

        var noPlan = Compliance.BuildFacts(new RideNumbers(Guid.NewGuid(), TestPlans.Day(1), "Ride", 3600, 30000), null, 0, 0, 0);
        Assert.Null(noPlan.Planned);
        Assert.Null(noPlan.CompliancePercent);
        Assert.DoesNotContain("trainingStressScore", noPlan.Citable.Keys);
    }
}
