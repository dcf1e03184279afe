using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Tests.PlanPush;

/// <summary>Plan versions as Coaching publishes them, for the push tests.</summary>
public static class PlanPushSessions
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static PlannedSession Endurance(int dayOffset, string name = "Endurance 90", int minutes = 90) => new(
        Today.AddDays(dayOffset), 1, "Endurance", name, "Steady aerobic riding.\n- keep it conversational", minutes * 60, minutes * 0.7,
        [
            new PlannedSessionStep("Warmup", 600, 0.45, 0.65, 1, 0, 0, null),
            new PlannedSessionStep("Steady", (minutes - 20) * 60, 0.68, 0.72, 1, 0, 0, 90),
            new PlannedSessionStep("Cooldown", 600, 0.6, 0.4, 1, 0, 0, null),
        ]);

    public static PlannedSession Vo2(int dayOffset, int repeats = 5, string name = "VO2max 5x3") => new(
        Today.AddDays(dayOffset), 1, "Vo2Max", name, "Five hard three-minute efforts.", 3600, 72,
        [
            new PlannedSessionStep("Warmup", 900, 0.5, 0.75, 1, 0, 0, null),
            new PlannedSessionStep("Intervals", 180, 1.15, 1.15, repeats, 180, 0.5, 100),
            new PlannedSessionStep("Cooldown", 600, 0.6, 0.45, 1, 0, 0, null),
        ]);

    public static PlanVersionCreated Version(int version, IReadOnlyList<PlannedSession> sessions, DateTimeOffset? createdAt = null) =>
        new(Guid.CreateVersion7(), Guid.Empty, version, null, "user", createdAt ?? DateTimeOffset.UtcNow, sessions);
}
