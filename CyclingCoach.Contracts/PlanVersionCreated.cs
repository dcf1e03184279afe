namespace CyclingCoach.Contracts;

/// <summary>
/// A new immutable plan version exists (generated, evolved from an analysis, or edited by the rider) and is the active
/// one. <paramref name="Sessions"/>: every planned session of the version with its structured steps, so a consumer can
/// put them on a calendar without calling Coaching (null from a publisher before it carried them).
/// </summary>
public record PlanVersionCreated(
    Guid PlanId, Guid LineageId, int Version, Guid? ParentId, string CreatedBy, DateTimeOffset CreatedAt,
    IReadOnlyList<PlannedSession>? Sessions = null);

/// <summary>One planned session: <paramref name="Slot"/> numbers the sessions of one day from 1 (most days have one).</summary>
/// <param name="Type">The workout type (Recovery, Endurance, LongRide, Tempo, SweetSpot, Threshold, Vo2Max, Anaerobic, Sprint).</param>
public record PlannedSession(
    DateOnly Date, int Slot, string Type, string Name, string Description, int DurationSeconds, double TargetTss,
    IReadOnlyList<PlannedSessionStep> Steps);

/// <summary>
/// A block of a structured session; powers are fractions of FTP. <paramref name="Kind"/>: Warmup and Cooldown ramp from
/// <paramref name="PowerLow"/> to <paramref name="PowerHigh"/>, Steady holds their mean, Intervals repeat
/// <paramref name="DurationSeconds"/> at <paramref name="PowerHigh"/> and <paramref name="OffDurationSeconds"/> at
/// <paramref name="OffPower"/> <paramref name="Repeat"/> times.
/// </summary>
public record PlannedSessionStep(
    string Kind, int DurationSeconds, double PowerLow, double PowerHigh, int Repeat, int OffDurationSeconds, double OffPower, int? CadenceRpm);
