using CyclingCoach.Coaching.Coach.Rules;
using CyclingCoach.Coaching.Engines;

namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// The rider every Coaching measurement uses, so the in-process benchmark and the HTTP runs plan the same thing:
/// 5 available days (Monday and Friday off), at most 8 h a week and 2 h a weekday, a 3.5 h long ride on Saturday,
/// 2 hard sessions a week, never back to back; FTP 260 W; a trained rider (CTL 55, 6.5 h a week of late).
/// </summary>
public static class CoachingScenario
{
    public static RuleSet Rules { get; } = new()
    {
        AvailableDays = [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday, DayOfWeek.Sunday],
        RestDays = [DayOfWeek.Monday, DayOfWeek.Friday],
        MaxHoursPerWeek = 8,
        MaxHoursPerDay = 2,
        LongRideDay = DayOfWeek.Saturday,
        LongRideMaxHours = 3.5,
        MaxHardSessionsPerWeek = 2,
        NoBackToBackHardDays = true,
    };

    public const string RulesText =
        "I can ride Tuesday, Wednesday, Thursday, Saturday and Sunday; Monday and Friday are rest days. At most 8 hours a week " +
        "and 2 hours on a weekday. Long ride on Saturday, up to 3.5 hours. No more than 2 hard sessions a week, never on consecutive days.";

    public static PlanGoals Goals { get; } = new("threshold", 8, "Raise FTP before the spring sportive.");

    public static AthleteSnapshot Athlete { get; } = new(FtpWatts: 260, WeightKg: 72, MaxHeartRateBpm: 188, LactateThresholdHeartRateBpm: 170, RestingHeartRateBpm: 48);

    public static FitnessSnapshot Fitness { get; } = new(Ctl: 55, Atl: 60, Tsb: -5, RecentWeeklyHours: 6.5, RecentWeeklyTss: 380);

    /// <summary>A 4-week block from the Monday on or after <paramref name="today"/>.</summary>
    public static PlanContext Context(DateOnly today) =>
        new(Rules, Athlete, Fitness, Goals, today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7), Weeks: 4);
}
