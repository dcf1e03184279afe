namespace CyclingCoach.Coaching.Domain.Plans;

public enum ViolationSeverity
{
    /// <summary>The plan must not be stored with it.</summary>
    Error,

    /// <summary>Reported to the rider; the plan may still be stored (an unmet weekly minimum).</summary>
    Warning,
}

/// <summary>One way a plan breaks its rules or its own shape. <paramref name="Code"/> is stable (see <see cref="PlanViolationCodes"/>).</summary>
/// <param name="Week">The plan week (1-based) the violation is in, when it is in one.</param>
/// <param name="Date">The day the violation is on, for day-level violations.</param>
public sealed record PlanViolation(string Code, ViolationSeverity Severity, int? Week, DateOnly? Date, string Message);

public static class PlanViolationCodes
{
    public const string Structure = "structure";
    public const string RestDay = "rest-day";
    public const string UnavailableDay = "unavailable-day";
    public const string Blackout = "blackout";
    public const string DayCap = "day-cap";
    public const string LongRideCap = "long-ride-cap";
    public const string WeekHoursMax = "week-hours-max";
    public const string WeekHoursMin = "week-hours-min";
    public const string HardSessions = "hard-sessions";
    public const string BackToBackHard = "back-to-back-hard";
    public const string HardBeforeEvent = "hard-before-event";

    // The coach's judgement of load (PlanJudgement), beside the rules.
    public const string EmptyPlan = "empty-plan";
    public const string CourseNotPrepared = "course-not-prepared";
    public const string EmptyWeek = "empty-week";
    public const string BelowFitness = "below-fitness";
    public const string LoadJump = "load-jump";
    public const string Ramp = "ramp";
    public const string NoRecoveryWeek = "no-recovery-week";
    public const string EasyShare = "easy-share";
    public const string HardSessionCount = "hard-session-count";
    public const string DaysUnused = "days-unused";
    public const string LighterWeek = "lighter-week";
    public const string Taper = "taper";
    public const string RaceForm = "race-form";
    public const string AtCap = "at-cap";
}

/// <summary>A repaired plan, the repairs made (one sentence each) and what is still wrong.</summary>
public sealed record PlanRepairResult(TrainingPlan Plan, IReadOnlyList<string> Repairs, IReadOnlyList<PlanViolation> Remaining)
{
    /// <summary>No error remains: the plan may be stored (warnings are shown to the rider).</summary>
    public bool Accepted => Remaining.All(v => v.Severity != ViolationSeverity.Error);
}
