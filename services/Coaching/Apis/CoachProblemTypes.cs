namespace CyclingCoach.Coaching.Apis;

/// <summary>Coaching's own ProblemDetails types (beside ServiceDefaults' ProblemTypes).</summary>
public static class CoachProblemTypes
{
    public const string PlanRefused = "urn:cyclingcoach:problem:plan-refused";
}
