namespace CyclingCoach.Coaching.Domain.Rules;

/// <summary>
/// The routes the rider attached to events (<see cref="TargetEvent.RouteId"/>) are not in their words, so a rule set
/// parsed again from text would lose them. The parsed events keep the route of the event they still are: the same name
/// (case and spaces aside), preferring the same date, else the one event on the same date (a renamed event).
/// </summary>
public static class EventRoutes
{
    public static RuleSet KeepRoutes(this RuleSet parsed, RuleSet? previous)
    {
        var routed = previous?.Events.Where(e => e.RouteId is not null).ToList() ?? [];
        if (routed.Count == 0)
        {
            return parsed;
        }

        return parsed with { Events = [.. parsed.Events.Select(e => e.RouteId is null && RouteOf(e, parsed.Events, routed) is { } id ? e with { RouteId = id } : e)] };
    }

    private static Guid? RouteOf(TargetEvent parsed, IReadOnlyList<TargetEvent> all, IReadOnlyList<TargetEvent> routed)
    {
        var named = routed.Where(r => Same(r.Name, parsed.Name)).OrderBy(r => r.Date == parsed.Date ? 0 : 1).FirstOrDefault();
        if (named is not null)
        {
            return named.RouteId;
        }

        var dated = routed.Where(r => r.Date == parsed.Date).ToList();
        return dated.Count == 1 && all.Count(e => e.Date == parsed.Date) == 1 && !all.Any(e => Same(e.Name, dated[0].Name)) ? dated[0].RouteId : null;
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
