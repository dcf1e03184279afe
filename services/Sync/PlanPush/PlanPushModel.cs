using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>A calendar the plan's sessions are pushed to.</summary>
public enum PushTarget
{
    IntervalsIcu,
    Garmin,
}

/// <summary>
/// <c>Pending</c>: the calendar does not hold the desired state yet (a new or changed session, or one to remove);
/// <c>Pushed</c>: it does; <c>Failed</c>: the last attempt failed (<see cref="PlanPushItem.Error"/>) and is retried at
/// <see cref="PlanPushItem.NextAttemptAt"/>.
/// </summary>
public enum PushStatus
{
    Pending,
    Pushed,
    Failed,
}

/// <summary>The one row of push settings: which calendars are on (off by default) and the plan version last applied.</summary>
public sealed class PlanPushSettings
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public bool IntervalsIcuEnabled { get; set; }
    public bool GarminEnabled { get; set; }
    public Guid? PlanId { get; set; }
    public int? PlanVersion { get; set; }

    /// <summary>The applied version's creation time: an older <see cref="PlanVersionCreated"/> (late delivery) changes nothing.</summary>
    public DateTime? PlanCreatedAt { get; set; }

    public bool IsEnabled(PushTarget target) => target == PushTarget.Garmin ? GarminEnabled : IntervalsIcuEnabled;
}

/// <summary>
/// A session of the active plan as it should stand on every enabled calendar (the desired state).
/// <see cref="Key"/> is its day and slot; <see cref="Hash"/> identifies its content, so a new version that leaves the
/// session as it was changes nothing on the calendars.
/// </summary>
public sealed class PlannedSessionRecord
{
    public required string Key { get; init; }
    public DateOnly Date { get; init; }
    public int Slot { get; init; }
    public required string Hash { get; set; }
    public required PlannedSession Session { get; set; }
}

/// <summary>
/// One session on one calendar: what it should hold (<see cref="DesiredHash"/>, null = remove ours) and what it holds
/// (<see cref="RemoteId"/>, <see cref="RemoteScheduleId"/>, <see cref="RemoteHash"/>), with the outcome of the last
/// attempt. The reconciler works from these rows alone, so a process that dies mid-way resumes where it stopped.
/// </summary>
public sealed class PlanPushItem
{
    public PushTarget Target { get; init; }
    public required string SessionKey { get; init; }
    public DateOnly Date { get; init; }
    public string Name { get; set; } = "";
    public string? DesiredHash { get; set; }

    /// <summary>intervals.icu: the event id; Garmin: the workout id.</summary>
    public string? RemoteId { get; set; }

    /// <summary>Garmin: the calendar entry (workoutScheduleId) of <see cref="RemoteId"/>.</summary>
    public string? RemoteScheduleId { get; set; }

    /// <summary>The content hash of what the calendar holds under <see cref="RemoteId"/>.</summary>
    public string? RemoteHash { get; set; }

    public PushStatus Status { get; set; } = PushStatus.Pending;
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A worker holds the row until then (a dead worker's lease runs out and another takes the row).</summary>
    public DateTime LeaseUntil { get; set; }
    public DateTime UpdatedAt { get; set; }
}
