using CyclingCoach.Coaching.Coach.Analyses;
using CyclingCoach.Coaching.Coach.Plans;
using CyclingCoach.Coaching.Coach.Rules;

namespace CyclingCoach.Coaching.Engines;

/// <summary>
/// A coach: the LLM engine or the built-in one. Engines only propose; the caller passes every plan through
/// <c>PlanValidator</c> and every feedback through the citation check before anything is stored.
/// </summary>
public interface ICoachEngine
{
    /// <summary>"builtin" or "llm".</summary>
    string Name { get; }

    Task<RuleParseResult> ParseRulesAsync(string text, CancellationToken cancellationToken);

    Task<TrainingPlan> GeneratePlanAsync(PlanContext context, CancellationToken cancellationToken);

    Task<CoachFeedback> AnalyzeAsync(AnalysisContext context, CancellationToken cancellationToken);
}

/// <param name="StartDate">A Monday: the first day of week 1.</param>
public sealed record PlanContext(RuleSet Rules, AthleteSnapshot Athlete, FitnessSnapshot Fitness, PlanGoals Goals, DateOnly StartDate, int Weeks = 4);

/// <param name="Focus">What the rider wants from the block ("endurance", "climbing", "threshold", free text).</param>
/// <param name="WeeklyHours">Hours a week the rider wants to train (within the rules' caps).</param>
public sealed record PlanGoals(string? Focus = null, double? WeeklyHours = null, string? Notes = null);

public sealed record AthleteSnapshot(double? FtpWatts, double? WeightKg, int? MaxHeartRateBpm, int? LactateThresholdHeartRateBpm, int? RestingHeartRateBpm);

/// <param name="RecentWeeklyHours">Mean hours a week over the last 28 days.</param>
/// <param name="RecentWeeklyTss">Mean TSS a week over the last 28 days.</param>
public sealed record FitnessSnapshot(double Ctl, double Atl, double Tsb, double RecentWeeklyHours, double RecentWeeklyTss)
{
    public static FitnessSnapshot Empty { get; } = new(0, 0, 0, 0, 0);
}

public sealed record AnalysisContext(AnalysisFacts Facts, TrainingPlan? Plan, RuleSet Rules, AthleteSnapshot Athlete);
