using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Engines;

/// <summary>
/// A coach: the LLM engine or the built-in one. Engines only propose; the caller passes every plan through
/// <c>PlanValidator</c> and every feedback through the citation check before anything is stored.
/// </summary>
public interface ICoachEngine
{
    /// <summary>"builtin" or "llm".</summary>
    string Name { get; }

    Task<RuleParseResult> ParseRulesAsync(string text, CancellationToken cancellationToken);

    Task<TrainingPlan> GeneratePlanAsync(PlanContext context, CancellationToken cancellationToken);

    Task<CoachFeedback> AnalyzeAsync(AnalysisContext context, CancellationToken cancellationToken);
}

/// <param name="StartDate">A Monday: the first day of week 1.</param>
/// <param name="Courses">The courses of the rider's events that name a route (Routes' latest analysis of each).</param>
/// <param name="Current">The plan the rider has now, if any: where its weeks before <paramref name="StartDate"/> stand in the
/// build / recovery cycle carries on into the new plan (the rolling window keeps its cadence).</param>
public sealed record PlanContext(RuleSet Rules, AthleteSnapshot Athlete, FitnessSnapshot Fitness, PlanGoals Goals, DateOnly StartDate, int Weeks = 4, TrainingPlan? Current = null,
    IReadOnlyList<Domain.Courses.EventCourse>? Courses = null)
{
    /// <summary>The course of <paramref name="goal"/>, when it names a route Routes has analysed.</summary>
    public Domain.Courses.EventCourse? CourseOf(TargetEvent? goal) =>
        goal?.RouteId is { } id ? Courses?.FirstOrDefault(c => c.RouteId == id) : null;
}

/// <param name="Focus">What the rider wants from the block ("endurance", "climbing", "threshold", free text).</param>
/// <param name="WeeklyHours">Hours a week the rider wants to train (within the rules' caps).</param>
public sealed record PlanGoals(string? Focus = null, double? WeeklyHours = null, string? Notes = null);

public sealed record AthleteSnapshot(double? FtpWatts, double? WeightKg, int? MaxHeartRateBpm, int? LactateThresholdHeartRateBpm, int? RestingHeartRateBpm);

/// <summary>
/// The rider's fitness on <see cref="Date"/> (CTL and ATL after that day's rides, TSB going into it) and their
/// recent load, computed from the rides by <see cref="Domain.Load.LoadHistory"/>.
/// </summary>
/// <param name="RecentWeeklyHours">Mean hours a week over the last 28 days.</param>
/// <param name="RecentWeeklyTss">Mean TSS a week over the last 28 days.</param>
public sealed record FitnessSnapshot(double Ctl, double Atl, double Tsb, double RecentWeeklyHours, double RecentWeeklyTss)
{
    public static FitnessSnapshot Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The day the numbers are for (null: unknown, read as the day before the plan starts).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The last 6 weeks, oldest first: seven-day windows, the last one ending on <see cref="Date"/>.</summary>
    public IReadOnlyList<WeekLoad> Weeks { get; init; } = [];

    /// <summary>Days from the first ride to <see cref="Date"/> (0: no rides at all).</summary>
    public int HistoryDays { get; init; }

    /// <summary>Days since the last ride (null: no rides).</summary>
    public int? DaysSinceLastRide { get; init; }

    /// <summary>The latest run of more than 10 days without a ride in the last 6 weeks, if any (it may still be going on).</summary>
    public RideBreak? Break { get; init; }
}

/// <param name="Start">The window's first day.</param>
/// <param name="CtlStart">CTL going into <paramref name="Start"/>; <paramref name="CtlEnd"/> after the window's last day.</param>
public sealed record WeekLoad(DateOnly Start, double Tss, double Hours, int Rides, double CtlStart, double CtlEnd);

/// <param name="From">The first day without a ride.</param>
/// <param name="Days">How many days in a row, up to the snapshot's date when it is still going on.</param>
public sealed record RideBreak(DateOnly From, int Days);

public sealed record AnalysisContext(AnalysisFacts Facts, TrainingPlan? Plan, RuleSet Rules, AthleteSnapshot Athlete);
