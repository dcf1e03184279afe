using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Model;
using CyclingCoach.ServiceDefaults;

namespace CyclingCoach.Coaching.Plans;

public sealed record WeekSummary(int WeekNumber, string Focus, double Hours, double Tss, int HardSessions, int RestDays)
{
    public static IReadOnlyList<WeekSummary> Of(TrainingPlan plan) => plan.Weeks.Select(w => new WeekSummary(
        w.WeekNumber,
        w.Focus,
        Math.Round(w.Days.Sum(d => d.DurationSeconds) / 3600.0, 2),
        Math.Round(w.Days.SelectMany(d => d.Workouts).Sum(x => x.TargetTss), 1),
        w.Days.Count(d => d.Workouts.Any(x => x.Type.IsHard())),
        w.Days.Count(d => d.IsRest))).ToList();
}

public sealed record PlanVersionResponse(
    Guid Id,
    int Version,
    Guid? ParentId,
    Guid LineageId,
    PlanOrigin Origin,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    bool IsActive,
    PlanGoals? Goals,
    Guid? RuleSetId,
    IReadOnlyList<string> Repairs,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<WeekSummary> Weeks,
    TrainingPlan Plan)
{
    public static PlanVersionResponse From(PlanVersion p) => new(
        p.Id, p.Version, p.ParentId, p.LineageId, p.Origin, p.CreatedBy, p.CreatedAt.AsUtcOffset(), p.IsActive, p.Goals,
        p.RuleSetId, p.Repairs, p.Warnings, WeekSummary.Of(p.Plan), p.Plan);
}

/// <summary>A version in the history list (without the plan itself).</summary>
public sealed record PlanVersionSummary(
    Guid Id,
    int Version,
    Guid? ParentId,
    PlanOrigin Origin,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    bool IsActive,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<WeekSummary> Weeks)
{
    public static PlanVersionSummary From(PlanVersion p) => new(
        p.Id, p.Version, p.ParentId, p.Origin, p.CreatedBy, p.CreatedAt.AsUtcOffset(), p.IsActive, p.Plan.StartDate,
        p.Plan.EndDate, WeekSummary.Of(p.Plan));
}

public sealed record PlanDiffResponse(PlanVersionRef From, PlanVersionRef To, PlanDiffResult Diff);

public sealed record PlanVersionRef(Guid Id, int Version);

public sealed record PlannedDayResponse(DateOnly Date, int WeekNumber, string WeekFocus, bool IsRest, IReadOnlyList<PlannedWorkout> Workouts, Guid PlanVersionId);

/// <param name="CompliancePercent">How closely the day's riding matched the plan (null: nothing planned or the day is to come).</param>
public sealed record ComplianceDay(
    DateOnly Date,
    IReadOnlyList<PlannedWorkout> Planned,
    IReadOnlyList<Guid> WorkoutIds,
    double DoneSeconds,
    double DoneLoad,
    double? CompliancePercent,
    bool UnplannedRide);

/// <param name="Score">Mean compliance of the days so far that had a session planned.</param>
public sealed record ComplianceResponse(Guid PlanVersionId, DateOnly From, DateOnly To, double? Score, IReadOnlyList<ComplianceDay> Days);
