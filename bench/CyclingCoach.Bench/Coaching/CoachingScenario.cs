using CyclingCoach.Coaching.Domain.Athletes;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// The rider every Coaching measurement uses, so the in-process benchmark and the HTTP runs plan the same thing:
/// 5 available days (Monday and Friday off), at most 8 h a week and 2 h a weekday, a 3.5 h long ride on Saturday,
/// 2 hard sessions a week, never back to back; FTP 260 W; a trained rider (a year of riding, CTL ≈ 55, 6.5 h a week).
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

    /// <summary>
    /// A year of riding before <paramref name="today"/>, seeded: 4–6 rides a week, 45 min to 4 h, 40–75 TSS an hour,
    /// a lighter week every fourth (about 6.5 h and 380 TSS a week, CTL ≈ 55).
    /// </summary>
    public static IReadOnlyList<DailyRiding> YearOfRiding(DateOnly today)
    {
        var random = new Random(17);
        var days = new List<DailyRiding>();
        for (var d = 365; d >= 1; d--)
        {
            var date = today.AddDays(-d);
            var light = date.DayNumber / 7 % 4 == 3;
            if (date.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Friday || random.NextDouble() < 0.15)
            {
                continue;
            }

            var hours = (date.DayOfWeek is DayOfWeek.Saturday ? 2.5 + random.NextDouble() * 1.5 : 0.75 + random.NextDouble()) * (light ? 0.6 : 1);
            days.Add(new DailyRiding(date, Math.Round(hours * (40 + random.NextDouble() * 35)), hours * 3600, 1));
        }

        return days;
    }

    /// <summary>A 4-week block from the Monday on or after <paramref name="today"/>, from a year of history.</summary>
    public static PlanContext Context(DateOnly today) =>
        new(Rules, Athlete, LoadHistory.Snapshot(YearOfRiding(today), today), Goals, today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7), Weeks: 4);
}
