using CyclingCoach.Coaching.Model;

namespace CyclingCoach.Coaching.Plans;

/// <summary>A stored version, or why none was stored: rule violations the validator could not repair, or a conflict.</summary>
public sealed record PlanWriteResult(PlanVersion? Version, IReadOnlyList<string> Violations, string? Conflict, string? Engine = null, string? FallbackReason = null)
{
    public static PlanWriteResult Stored(PlanVersion version, string? engine = null, string? fallbackReason = null) => new(version, [], null, engine, fallbackReason);

    public static PlanWriteResult Refused(IReadOnlyList<string> violations) => new(null, violations, null);

    public static PlanWriteResult Conflicted(string reason) => new(null, [], reason);
}
