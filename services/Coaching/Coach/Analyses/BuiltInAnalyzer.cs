using CyclingCoach.Coaching.Engines;

namespace CyclingCoach.Coaching.Coach.Analyses;

/// <summary>Placeholder so this branch compiles; the real analyzer is written on another branch and replaces this file at merge.</summary>
public static class BuiltInAnalyzer
{
    public static CoachFeedback Analyze(AnalysisContext context) => throw new NotImplementedException();
}
