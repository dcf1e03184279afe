using CyclingCoach.Coaching.Domain.Athletes;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Domain.Analyses;

/// <summary>What an analysis is made from: the input every engine (<c>ICoachEngine.AnalyzeAsync</c>) gets.</summary>
public sealed record AnalysisContext(AnalysisFacts Facts, TrainingPlan? Plan, RuleSet Rules, AthleteSnapshot Athlete);
