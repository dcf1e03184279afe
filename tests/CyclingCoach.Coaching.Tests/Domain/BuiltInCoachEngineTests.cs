using CyclingCoach.Coaching.Domain.Athletes;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Engines.BuiltIn;

namespace CyclingCoach.Coaching.Tests.Domain;

/// <summary>The engine wires the parser and the generator; AnalyzeAsync is the analyzer's, tested with it.</summary>
public sealed class BuiltInCoachEngineTests
{
    private readonly BuiltInCoachEngine _engine = new();

    [Fact]
    public async Task Parses_rules_and_generates_a_plan_that_keeps_them()
    {
        var parsed = await _engine.ParseRulesAsync("I can ride Tuesday, Thursday and the weekend. Max 6 hours a week. Long ride on Sunday.", CancellationToken.None);
        var plan = await _engine.GeneratePlanAsync(new PlanContext(parsed.Rules, new AthleteSnapshot(260, 72, null, null, null), FitnessSnapshot.Empty, new PlanGoals(), TestPlans.Monday), CancellationToken.None);

        Assert.Equal("builtin", _engine.Name);
        Assert.Empty(parsed.NotUnderstood);
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday, DayOfWeek.Sunday], parsed.Rules.AvailableDays);
        Assert.Empty(PlanValidator.Validate(plan, parsed.Rules));
        Assert.Equal(WorkoutType.LongRide, Assert.Single(plan.Weeks[0].Days[6].Workouts).Type);
    }

    [Fact]
    public async Task A_cancelled_call_does_no_work_and_a_bad_context_faults_the_task()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _engine.ParseRulesAsync("max 8 hours a week", new CancellationToken(canceled: true)));

        var tuesdayStart = new PlanContext(RuleSet.None, new AthleteSnapshot(null, null, null, null, null), FitnessSnapshot.Empty, new PlanGoals(), TestPlans.Monday.AddDays(1));
        var task = _engine.GeneratePlanAsync(tuesdayStart, CancellationToken.None);
        Assert.True(task.IsFaulted);
        await Assert.ThrowsAsync<ArgumentException>(() => task);
    }
}
