using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Engines.BuiltIn;

/// <summary>The deterministic coach: no key, no network, the same answer for the same input.</summary>
public sealed class BuiltInCoachEngine : ICoachEngine
{
    public string Name => "builtin";

    public Task<RuleParseResult> ParseRulesAsync(string text, CancellationToken cancellationToken) =>
        Run(() => BuiltInRuleParser.Parse(text), cancellationToken);

    public Task<TrainingPlan> GeneratePlanAsync(PlanContext context, CancellationToken cancellationToken) =>
        Run(() => BuiltInPlanGenerator.Generate(context), cancellationToken);

    public Task<CoachFeedback> AnalyzeAsync(AnalysisContext context, CancellationToken cancellationToken) =>
        Run(() => BuiltInAnalyzer.Analyze(context), cancellationToken);

    /// <summary>The work is pure and quick: it runs inline, and its exceptions come back in the task like any engine's.</summary>
    private static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(work());
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }
}
