using CyclingCoach.Coaching.Coach.Analyses;
using CyclingCoach.Coaching.Coach.Plans;
using CyclingCoach.Coaching.Coach.Rules;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Tests.Operations;
using static CyclingCoach.Coaching.Tests.Operations.TestPlans;

namespace CyclingCoach.Coaching.Tests.Analyses;

public sealed class BuiltInAnalyzerTests
{
    // Standard(): Mon 2 rest, Tue 3 threshold 60 (TSS 58.7, see ComplianceTests), Wed 4 endurance 60 (TSS 38.0:
    // 201.5 + 2400 × 0.65² + 152 = 1367.5 / 36), Thu 5 VO2max 60, Fri 6 rest, Sat 7 long 180, Sun 8 endurance 90; twice.
    private static readonly AthleteSnapshot Athlete = new(250, 70, 190, 170, 50);

    private static (CoachFeedback Feedback, AnalysisFacts Facts) Analyze(
        TrainingPlan? plan, DateOnly date, double tsb, double? tss = null, double? intensity = null, double seconds = 3600,
        double? heartRate = 150, RuleSet? rules = null)
    {
        var ride = new RideNumbers(Guid.NewGuid(), date, "Morning ride", seconds, 32000, tss, intensity, tss is null ? null : 240, tss is null ? null : 225, heartRate, 250, 170);
        var facts = Compliance.BuildFacts(ride, plan, 60, 60 - tsb, tsb);
        var feedback = BuiltInAnalyzer.Analyze(new AnalysisContext(facts, plan, rules ?? RuleSet.None, Athlete));
        // Whatever the branch, the built-in coach's output passes the same check as the LLM's.
        Assert.Empty(FeedbackValidator.Check(feedback, facts, plan));
        return (feedback, facts);
    }

    [Fact]
    public void Good_compliance_is_a_strength_with_the_numbers()
    {
        // 57 / 58.7 = 97 %.
        var (feedback, _) = Analyze(Standard(), Day(1), tsb: -5, tss: 57, intensity: 0.95);

        var strength = Assert.Single(feedback.Strengths);
        Assert.Equal(["compliancePercent", "trainingStressScore", "plannedTss"], strength.Cites);
        Assert.Contains("97 %", strength.Text);
        Assert.Empty(feedback.Improvements);
        Assert.Empty(feedback.Suggestions);
        Assert.Contains("TSS 57", feedback.Summary);
        Assert.Contains("IF 0.95", feedback.Summary);
        Assert.Contains("compliance 97 %", feedback.Summary);
        Assert.Contains("TSB -5", feedback.Summary);
    }

    [Fact]
    public void High_fatigue_turns_the_next_hard_session_within_three_days_into_recovery()
    {
        var (feedback, _) = Analyze(Standard(), Day(1), tsb: -30, tss: 57, intensity: 0.95);

        Assert.Contains(feedback.Improvements, c => c.Cites.Contains("tsb") && c.Text.Contains("TSB -30"));
        var suggestion = Assert.Single(feedback.Suggestions);
        // Wednesday is endurance; Thursday's VO2max is the next hard session.
        Assert.Equal(new PlanOperation(PlanOperationKind.ChangeIntensity, Day(3), WorkoutType: WorkoutType.Recovery), suggestion.Operation);
        Assert.Equal(["tsb"], suggestion.Cites);
    }

    [Fact]
    public void Overshooting_the_planned_tss_shortens_the_next_hard_session_by_a_third()
    {
        // 100 > 1.5 × 58.7 = 88; compliance 58.7 / 100 = 59 % (more than planned).
        var (feedback, _) = Analyze(Standard(), Day(1), tsb: -10, tss: 100, intensity: 1.05);

        var suggestion = Assert.Single(feedback.Suggestions);
        Assert.Equal(new PlanOperation(PlanOperationKind.Shorten, Day(3), DurationSeconds: 2400), suggestion.Operation);
        Assert.Equal(["trainingStressScore", "plannedTss"], suggestion.Cites);
        Assert.Contains(feedback.Improvements, c => c.Text.Contains("much more than") && c.Cites.Contains("compliancePercent"));
    }

    [Fact]
    public void Fatigue_and_an_overshoot_together_give_one_suggestion_citing_both()
    {
        var (feedback, _) = Analyze(Standard(), Day(1), tsb: -30, tss: 100, intensity: 1.05);

        var suggestion = Assert.Single(feedback.Suggestions);
        Assert.Equal(PlanOperationKind.ChangeIntensity, suggestion.Operation.Kind);
        Assert.Equal(["tsb", "trainingStressScore", "plannedTss"], suggestion.Cites);
        Assert.Contains("TSB is -30 and this ride's TSS 100", suggestion.Reason);
    }

    [Fact]
    public void High_fatigue_without_a_hard_session_ahead_rests_tomorrow_if_it_has_a_session()
    {
        // Friday is a rest day; Sat long ride, Sun endurance, Mon rest: nothing hard before Tuesday.
        var (feedback, facts) = Analyze(Standard(), Day(4), tsb: -28, tss: 60, intensity: 0.8);

        Assert.True(facts.PlannedRestDay);
        Assert.Contains(feedback.Improvements, c => c.Text.Contains("rest day") && c.Cites.SequenceEqual(["durationSeconds"]));
        Assert.Contains("rest day", feedback.Summary);
        Assert.Equal(new PlanOperation(PlanOperationKind.AddRest, Day(5)), Assert.Single(feedback.Suggestions).Operation);

        // Thursday: Friday is rest already, Sat–Sun are not hard: nothing to suggest.
        Assert.Empty(Analyze(Standard(), Day(3), tsb: -28, tss: 60, intensity: 0.9).Feedback.Suggestions);
    }

    [Fact]
    public void A_missed_hard_session_is_made_up_on_the_next_endurance_day_with_room()
    {
        // Tue threshold, Wed and Thu endurance, Fri rest, Sat long, Sun endurance.
        var plan = Plan(null, (WorkoutType.Threshold, 60), (WorkoutType.Endurance, 60), (WorkoutType.Endurance, 60), null,
            (WorkoutType.LongRide, 180), (WorkoutType.Endurance, 90));
        var (feedback, facts) = Analyze(plan, Day(1), tsb: -5, tss: 20, intensity: 0.6, seconds: 1800);

        Assert.Equal(34.1, facts.CompliancePercent); // 20 / 58.7
        Assert.Contains(feedback.Improvements, c => c.Text.Contains("much less than") && c.Cites.Contains("plannedTss"));
        var suggestion = Assert.Single(feedback.Suggestions);
        Assert.Equal(new PlanOperation(PlanOperationKind.ChangeIntensity, Day(2), WorkoutType: WorkoutType.Threshold), suggestion.Operation);
        Assert.Equal(["compliancePercent", "trainingStressScore", "plannedTss"], suggestion.Cites);
    }

    [Fact]
    public void A_missed_hard_session_is_not_made_up_next_to_another_hard_session_or_over_the_weekly_cap()
    {
        // Standard(): Wed is followed by Thursday's VO2max, Sun by Tuesday's threshold within two days.
        Assert.Empty(Analyze(Standard(), Day(1), tsb: -5, tss: 20, intensity: 0.6, seconds: 1800).Feedback.Suggestions);

        // Sprints on Saturday: Wed would make two hard sessions in the week (the missed one no longer counts).
        var plan = Plan(null, (WorkoutType.Threshold, 60), (WorkoutType.Endurance, 60), (WorkoutType.Endurance, 60), null,
            (WorkoutType.Sprint, 60), (WorkoutType.Endurance, 90));
        Assert.Empty(Analyze(plan, Day(1), tsb: -5, tss: 20, rules: new RuleSet { MaxHardSessionsPerWeek = 1 }).Feedback.Suggestions);
        Assert.Equal(Day(2), Assert.Single(Analyze(plan, Day(1), tsb: -5, tss: 20, rules: new RuleSet { MaxHardSessionsPerWeek = 2 }).Feedback.Suggestions).Operation.Date);
    }

    [Fact]
    public void A_tired_rider_is_not_given_the_missed_session_back()
    {
        var plan = Plan(null, (WorkoutType.Threshold, 60), (WorkoutType.Endurance, 60), (WorkoutType.Endurance, 60));
        var (feedback, _) = Analyze(plan, Day(1), tsb: -35, tss: 20);

        // No hard session in the next three days, so the fatigue branch rests tomorrow; nothing is made harder.
        Assert.Equal(new PlanOperation(PlanOperationKind.AddRest, Day(2)), Assert.Single(feedback.Suggestions).Operation);
    }

    [Fact]
    public void Riding_hard_on_an_easy_day_is_an_improvement_citing_if()
    {
        var (feedback, _) = Analyze(Standard(), Day(2), tsb: 0, tss: 50, intensity: 0.9);
        var claim = Assert.Single(feedback.Improvements);
        Assert.Contains("too hard on an easy day", claim.Text);
        Assert.Equal(["intensityFactor"], claim.Cites);

        Assert.DoesNotContain(Analyze(Standard(), Day(2), tsb: 0, tss: 40, intensity: 0.8).Feedback.Improvements, c => c.Text.Contains("too hard"));
    }

    [Fact]
    public void Without_power_claims_use_duration_and_heart_rate()
    {
        // 160 bpm is 94 % of LTHR 170, above 90 %.
        var (feedback, facts) = Analyze(Standard(), Day(2), tsb: 0, heartRate: 160);

        Assert.Equal(100.0, facts.CompliancePercent); // 3600 s of 3600 s
        Assert.Equal(["compliancePercent", "durationSeconds", "plannedDurationSeconds"], Assert.Single(feedback.Strengths).Cites);
        var claim = Assert.Single(feedback.Improvements);
        Assert.Equal(["averageHeartRateBpm", "lactateThresholdHeartRateBpm"], claim.Cites);
        Assert.Contains("94 %", claim.Text);
        Assert.Contains("average HR 160 bpm", feedback.Summary);
        Assert.DoesNotContain("IF", feedback.Summary);

        // 150 bpm is 88 %: fine.
        Assert.Empty(Analyze(Standard(), Day(2), tsb: 0, heartRate: 150).Feedback.Improvements);
    }

    [Fact]
    public void Without_a_plan_there_are_claims_but_no_suggestions()
    {
        var (feedback, _) = Analyze(null, Day(1), tsb: -30, tss: 120, intensity: 1.0);

        Assert.Empty(feedback.Suggestions);
        Assert.Contains(feedback.Improvements, c => c.Cites.Contains("tsb"));
        Assert.Equal(["durationSeconds", "distanceMeters"], Assert.Single(feedback.Strengths).Cites);
        Assert.DoesNotContain("Planned", feedback.Summary);
        Assert.Contains("32.0 km", feedback.Summary);
    }

    [Fact]
    public void On_the_last_day_of_the_plan_there_is_nothing_left_to_change()
    {
        Assert.Empty(Analyze(Standard(), Day(13), tsb: -40, tss: 150, intensity: 1.0).Feedback.Suggestions);
    }
}
