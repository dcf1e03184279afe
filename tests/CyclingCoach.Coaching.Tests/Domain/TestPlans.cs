using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Tests.Domain;

/// <summary>Plans for tests: empty weeks from a Monday, then sessions placed by date.</summary>
internal static class TestPlans
{
    /// <summary>Monday 2027-01-04.</summary>
    public static readonly DateOnly Monday = new(2027, 1, 4);

    public static TrainingPlan Empty(int weeks = 1, DateOnly? start = null)
    {
        var first = start ?? Monday;
        return new TrainingPlan(first, "test", Enumerable.Range(0, weeks)
            .Select(w => new PlanWeek(w + 1, $"Week {w + 1}", Enumerable.Range(0, 7).Select(d => new PlanDay(first.AddDays(w * 7 + d), [])).ToList()))
            .ToList());
    }

    public static TrainingPlan With(this TrainingPlan plan, DateOnly date, params PlannedWorkout[] workouts) => plan with
    {
        Weeks = plan.Weeks.Select(w => w with { Days = w.Days.Select(d => d.Date == date ? d with { Workouts = [.. d.Workouts, .. workouts] } : d).ToList() }).ToList(),
    };

    public static TrainingPlan With(this TrainingPlan plan, int dayIndex, WorkoutType type, int minutes) =>
        plan.With(plan.StartDate.AddDays(dayIndex), WorkoutLibrary.Build(type, minutes * 60));

    public static PlannedWorkout Session(WorkoutType type, int minutes) => WorkoutLibrary.Build(type, minutes * 60);

    public static IReadOnlyList<PlannedWorkout> On(this TrainingPlan plan, int dayIndex) => plan.Day(plan.StartDate.AddDays(dayIndex))!.Workouts;

    public static int WeekSeconds(this TrainingPlan plan, int week) => plan.Weeks[week - 1].Days.Sum(d => d.DurationSeconds);

    /// <summary>Deep comparison: records holding lists compare those lists by reference.</summary>
    public static string Json(this TrainingPlan plan) => System.Text.Json.JsonSerializer.Serialize(plan);
}
