using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>One calendar the plan is pushed to. Each call records what it changed remotely through <paramref name="record"/>
/// as soon as it changed, so an attempt that dies half-way is resumed from what the calendar holds.</summary>
public interface ICalendarTarget
{
    PushTarget Target { get; }

    /// <summary>Makes the calendar hold <paramref name="session"/> (content <paramref name="hash"/>) under <paramref name="item"/>'s key.</summary>
    Task PutAsync(PlanPushItem item, PlannedSession session, string hash, Func<Action<PlanPushItem>, Task> record, CancellationToken cancellationToken);

    /// <summary>Removes what we put there for <paramref name="item"/> (never anything else); gone already is fine.</summary>
    Task RemoveAsync(PlanPushItem item, Func<Action<PlanPushItem>, Task> record, CancellationToken cancellationToken);
}

public static class PlanSessionKeys
{
    /// <summary>Our events' external id prefix on intervals.icu: events without it are the rider's and never touched.</summary>
    public const string ExternalIdPrefix = "cyclingcoach-";

    public static string Of(PlannedSession session) => $"{session.Date:yyyy-MM-dd}-{session.Slot}";

    public static string ExternalId(string key) => ExternalIdPrefix + key;
}
