using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Model;
using CyclingCoach.ServiceDefaults;

namespace CyclingCoach.Coaching.Rules;

public sealed record RuleParseResponse(RuleSet Rules, IReadOnlyList<string> NotUnderstood, string Engine, string? FallbackReason);

public sealed record RuleSetResponse(
    Guid Id,
    int Version,
    Guid? ParentId,
    string Name,
    string Text,
    RuleSet Rules,
    IReadOnlyList<string> NotUnderstood,
    bool IsActive,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public static RuleSetResponse From(RuleSetVersion r) =>
        new(r.Id, r.Version, r.ParentId, r.Name, r.Text, r.Rules, r.NotUnderstood, r.IsActive, r.CreatedBy, r.CreatedAt.AsUtcOffset());
}

public sealed record VersionRef(Guid Id, int Version);

public sealed record RuleSetDiffResponse(VersionRef From, VersionRef To, IReadOnlyList<RuleChange> Changes);
