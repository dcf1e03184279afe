using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Contracts;

namespace CyclingCoach.Coaching.Plans;

/// <summary>A plan's sessions as <see cref="PlanVersionCreated"/> carries them (Sync puts them on the rider's calendars).</summary>
public static class PlanSessions
{
    public static IReadOnlyList<PlannedSession> Of(TrainingPlan plan) =>
    [
        .. plan.Days.SelectMany(day => day.Workouts.Select((w, i) => new PlannedSession(
            day.Date, i + 1, w.Type.ToString(), w.Name, w.Description, w.DurationSeconds, w.TargetTss,
            [.. w.Steps.Select(s => new PlannedSessionStep(
                s.Kind.ToString(), s.DurationSeconds, s.PowerLow, s.PowerHigh, s.Repeat, s.OffDurationSeconds, s.OffPower, s.CadenceRpm))]))),
    ];
}
