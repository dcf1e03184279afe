using CyclingCoach.Coaching.Domain.Athletes;
using CyclingCoach.Coaching.Domain.Courses;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>What a plan is made from: the input every engine (<c>ICoachEngine.GeneratePlanAsync</c>) gets.</summary>
/// <param name="StartDate">A Monday: the first day of week 1.</param>
/// <param name="Courses">The courses of the rider's events that name a route (Routes' latest analysis of each).</param>
/// <param name="Current">The plan the rider has now, if any: where its weeks before <paramref name="StartDate"/> stand in the
/// build / recovery cycle carries on into the new plan (the rolling window keeps its cadence).</param>
public sealed record PlanContext(RuleSet Rules, AthleteSnapshot Athlete, FitnessSnapshot Fitness, PlanGoals Goals, DateOnly StartDate, int Weeks = 4, TrainingPlan? Current = null,
    IReadOnlyList<EventCourse>? Courses = null)
{
    /// <summary>The course of <paramref name="goal"/>, when it names a route Routes has analysed.</summary>
    public EventCourse? CourseOf(TargetEvent? goal) =>
        goal?.RouteId is { } id ? Courses?.FirstOrDefault(c => c.RouteId == id) : null;
}

/// <param name="Focus">What the rider wants from the block ("endurance", "climbing", "threshold", free text).</param>
/// <param name="WeeklyHours">Hours a week the rider wants to train (within the rules' caps).</param>
public sealed record PlanGoals(string? Focus = null, double? WeeklyHours = null, string? Notes = null);
