using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Tests.Operations;

namespace CyclingCoach.Coaching.Tests.Analyses;

public sealed class FeedbackValidatorTests
{
    // A ride on Tuesday 3 Nov (threshold planned); Wed 4 endurance, Thu 5 VO2max, Fri 6 rest follow.
    private static readonly TrainingPlan Plan = TestPlans.Standard();

    private static readonly AnalysisFacts Facts = Compliance.BuildFacts(
        new RideNumbers(Guid.NewGuid(), TestPlans.Day(1), "Ride", 3600, 30000, 90, 1.0, 250, 240, 160, 250), Plan, 50, 80, -30);

    private static PlanSuggestion Suggest(PlanOperation op, params string[] cites) => new(op, "Too tired for it.", cites);

    private static CoachFeedback Feedback(
        string summary = "60 min, TSS 90.",
        CoachClaim[]? strengths = null,
        CoachClaim[]? improvements = null,
        params PlanSuggestion[] suggestions) =>
        new(summary, strengths ?? [new CoachClaim("Rode the whole session.", ["durationSeconds"])], improvements ?? [], suggestions);

    private static readonly PlanSuggestion RestThursday = Suggest(new PlanOperation(PlanOperationKind.AddRest, TestPlans.Day(3)), "tsb");

    [Fact]
    public void Good_feedback_has_no_problems()
    {
        var feedback = Feedback(improvements: [new CoachClaim("Fatigue is high.", ["tsb", "atl"])], suggestions: RestThursday);
        Assert.Empty(FeedbackValidator.Check(feedback, Facts, Plan));
    }

    [Fact]
    public void Unknown_and_missing_cites_are_problems()
    {
        // "compliancePercent" is a fact of this ride; "averageCadence" and "hrss" are not facts at all.
        var problems = FeedbackValidator.Check(
            Feedback(
                strengths: [new CoachClaim("Steady.", ["averageCadence"])],
                improvements: [new CoachClaim("Too hard.", []), new CoachClaim("Fine.", ["compliancePercent"])],
                suggestions: Suggest(new PlanOperation(PlanOperationKind.AddRest, TestPlans.Day(3)), "hrss")),
            Facts,
            Plan);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("strengths[0]") && p.Contains("averageCadence"));
        Assert.Contains(problems, p => p.StartsWith("improvements[0]") && p.Contains("no fact"));
        Assert.Contains(problems, p => p.StartsWith("suggestions[0]") && p.Contains("hrss"));
    }

    [Fact]
    public void A_null_fact_cannot_be_cited()
    {
        var noPower = Facts with { TrainingStressScore = null, IntensityFactor = null, Atl = 55, Tsb = -5 }; // not fatigued: nothing else required
        var problems = FeedbackValidator.Check(Feedback(strengths: [new CoachClaim("IF 1.0.", ["intensityFactor"])]), noPower, Plan);
        Assert.Contains("intensityFactor", Assert.Single(problems));
    }

    [Fact]
    public void An_empty_summary_and_empty_texts_are_problems()
    {
        var problems = FeedbackValidator.Check(
            Feedback(summary: " ", strengths: [new CoachClaim("", ["tsb"])], suggestions: RestThursday with { Reason = "" }), Facts, Plan);
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void A_suggestion_that_does_not_apply_is_a_problem()
    {
        // Friday is already a rest day.
        var problems = FeedbackValidator.Check(Feedback(suggestions: Suggest(new PlanOperation(PlanOperationKind.AddRest, TestPlans.Day(4)), "tsb")), Facts, Plan);
        Assert.Contains("no-session", Assert.Single(problems));
    }

    [Fact]
    public void Suggestions_on_or_before_the_ride_date_are_problems()
    {
        var problems = FeedbackValidator.Check(
            Feedback(suggestions: [
                Suggest(new PlanOperation(PlanOperationKind.ChangeIntensity, TestPlans.Day(1), WorkoutType: WorkoutType.Recovery), "tsb"),
                Suggest(new PlanOperation(PlanOperationKind.Move, TestPlans.Day(3), TestPlans.Day(0)), "tsb"),
            ]),
            Facts,
            Plan);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("suggestions[0] changes 2026-11-03", problems[0]);
        Assert.StartsWith("suggestions[1] changes 2026-11-02", problems[1]);
    }

    [Fact]
    public void Suggestions_without_a_plan_are_a_problem()
    {
        Assert.Contains("no plan", Assert.Single(FeedbackValidator.Check(Feedback(suggestions: RestThursday), Facts, null)));
        Assert.Empty(FeedbackValidator.Check(Feedback(), Facts, null));
    }

    [Fact]
    public void Suggestions_that_each_apply_but_conflict_together_are_a_problem()
    {
        // Alone, each works; in order, Thursday is a rest day when the second wants to move its session.
        var problems = FeedbackValidator.Check(
            Feedback(suggestions: [RestThursday, Suggest(new PlanOperation(PlanOperationKind.Move, TestPlans.Day(3), TestPlans.Day(4)), "tsb")]),
            Facts,
            Plan);
        Assert.StartsWith("suggestions[1] does not apply after", Assert.Single(problems));
    }
}
