using CyclingCoach.Coaching.Model;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// What an approve or reject of an analysis did, or why nothing changed, in the coach's words. The API turns each
/// outcome into its answer (<c>AnalysesApi.Decided</c>).
/// </summary>
public abstract record Decision
{
    private Decision()
    {
    }

    /// <summary>The chosen suggestions are decided (or were already: deciding again changes nothing).</summary>
    /// <param name="NewPlanId">The plan version the approval made, if it changed the plan.</param>
    public sealed record Made(Analysis Analysis, Guid? NewPlanId) : Decision;

    public sealed record AnalysisNotFound : Decision;

    /// <summary>The suggestion ids do not name a decision the rider can make (unknown ids, none, or both answers to one question).</summary>
    public sealed record InvalidChoice(string Detail) : Decision;

    /// <summary>The analysis or the plan is not in a state this decision fits (not ready, already decided the other way, no plan).</summary>
    public sealed record Conflict(string Detail) : Decision;

    /// <summary>The changed plan breaks the rider's rules in ways the validator cannot repair; nothing was stored.</summary>
    public sealed record PlanRefused(IReadOnlyList<string> Violations) : Decision;
}
