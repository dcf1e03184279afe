using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Tests.Operations;

/// <summary>Small plans for pure tests, built with the workout library so their numbers are the real ones.</summary>
internal static class TestPlans
{
    /// <summary>A Monday.</summary>
    public static readonly DateOnly Start = new(2026, 11, 2);

    public static DateOnly Day(int offset) => Start.AddDays(offset);

    /// <summary>
    /// Two weeks of: Mon rest, Tue threshold 60 min, Wed endurance 60, Thu VO2max 60, Fri rest, Sat long ride 180,
    /// Sun endurance 90.
    /// </summary>
    public static TrainingPlan Standard(int weeks = 2) => Plan(Enumerable.Repeat(StandardWeek, weeks).SelectMany(w => w).ToArray());

    private static readonly (WorkoutType Type, int Minutes)?[] StandardWeek =
    [
        null, (WorkoutType.Threshold, 60), (WorkoutType.Endurance, 60), (WorkoutType.Vo2Max, 60), null,
        (WorkoutType.LongRide, 180), (WorkoutType.Endurance, 90),
    ];

    /// <summary>Consecutive days from <see cref="Start"/> (null = rest), padded with rest days to whole weeks.</summary>
    public static TrainingPlan Plan(params (WorkoutType Type, int Minutes)?[] days)
    {
        var weeks = (days.Length + 6) / 7;
        return new TrainingPlan(
            Start,
            "test block",
            Enumerable.Range(0, weeks)
                .Select(w => new PlanWeek(
                    w + 1,
                    $"week {w + 1}",
                    Enumerable.Range(0, 7)
                        .Select(d => w * 7 + d)
                        .Select(i => new PlanDay(Day(i), i < days.Length && days[i] is { } s ? [WorkoutLibrary.Build(s.Type, s.Minutes * 60)] : []))
                        .ToList()))
                .ToList());
    }

    /// <summary>The plan with the sessions of one date replaced (for days with several sessions).</summary>
    public static TrainingPlan WithDay(TrainingPlan plan, DateOnly date, params PlannedWorkout[] workouts) => plan with
    {
        Weeks = plan.Weeks.Select(w => w with { Days = w.Days.Select(d => d.Date == date ? d with { Workouts = workouts } : d).ToList() }).ToList(),
    };

    public static PlanDay DayOf(TrainingPlan plan, DateOnly date) => plan.Day(date) ?? throw new InvalidOperationException($"{date} not in plan");
}
