using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;

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
