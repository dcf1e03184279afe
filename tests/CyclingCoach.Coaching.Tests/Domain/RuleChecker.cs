using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Tests.Domain;

/// <summary>
/// The rider's rules read as the rider means them, to judge a plan without the validator (PlanValidator,
/// RuleSetQueries, WorkoutSteps and WorkoutTypes.IsHard are not used): where the RuleSet's own documentation settles
/// a question it is followed, where it is silent every rule the rider gave must hold at once.
/// <list type="bullet">
/// <item>No session on a rest day, a day outside the available days or inside a blackout range (ends included).</item>
/// <item>A day's total time under its cap: a weekday's DayCap, else MaxHoursPerDay (a DayCap overrides it, RuleSet
/// docs). On the long-ride day — LongRideDay, or where none is set any day holding a long ride — LongRideMaxHours
/// overrides MaxHoursPerDay (RuleSet docs), but a DayCap the rider gave for that weekday still holds: "Saturdays at
/// most 3 h" is not lifted by "long rides up to 5 h".</item>
/// <item>A week's time at most MaxHoursPerWeek.</item>
/// <item>A week's time at least MinHoursPerWeek where the other rules leave room: a week under it must have no free
/// riding day that could take a ride of 20 min (the shortest session worth riding [E]) within its cap and the week's
/// maximum.</item>
/// <item>Hard sessions — by what is ridden, not by the label: any effort at 88 % of FTP or more, i.e. sweet spot and
/// harder (research/coaching.md: "hard sessions (sweet spot and above)", Seiler [SE10]) — at most
/// MaxHardSessionsPerWeek in a plan week; with NoBackToBackHardDays no two consecutive dates both hold one (across week
/// ends too).</item>
/// <item>Each session is what its steps are: its length is the steps' length to the second, its zone is one of
/// Coggan's seven, and its TSS lies between riding the whole session at its lowest and at its highest step power
/// (TSS = hours × IF² × 100, IF between those two, whichever way NP is taken).</item>
/// </list>
/// TargetEvent is not checked: the validator has no rule for it (the generator keeps the event day empty and the 48 h
/// before it easy; an LLM plan is not held to that).
/// </summary>
public static class RuleChecker
{
    public const double HardFraction = 0.88;
    public const int ShortestSessionSeconds = 20 * 60;

    public static bool RidingAllowed(RuleSet rules, DateOnly date) =>
        !rules.RestDays.Contains(date.DayOfWeek)
        && (rules.AvailableDays is null || rules.AvailableDays.Contains(date.DayOfWeek))
        && !rules.BlackoutDates.Any(r => date >= r.From && date <= r.To);

    public static List<string> Broken(TrainingPlan plan, RuleSet rules)
    {
        var broken = new List<string>();
        if (plan.StartDate.DayOfWeek != DayOfWeek.Monday)
        {
            broken.Add("the plan does not start on a Monday");
        }

        var expected = plan.StartDate;
        var previousHard = false;
        for (var w = 0; w < plan.Weeks.Count; w++)
        {
            var week = plan.Weeks[w];
            if (week.WeekNumber != w + 1 || week.Days.Count != 7)
            {
                broken.Add($"week {w + 1} is numbered {week.WeekNumber} and has {week.Days.Count} days");
            }

            foreach (var day in week.Days)
            {
                if (day.Date != expected)
                {
                    broken.Add($"{day.Date} where {expected} was expected");
                }

                expected = expected.AddDays(1);
                broken.AddRange(day.Workouts.SelectMany(x => SessionProblems(x).Select(p => $"{day.Date} {x.Name}: {p}")));
                var seconds = day.Workouts.Sum(x => x.DurationSeconds);
                if (seconds > 0 && !RidingAllowed(rules, day.Date))
                {
                    broken.Add($"{day.Date} ({day.Date.DayOfWeek}) holds a session on a day without riding");
                }

                if (CapHours(rules, day.Date.DayOfWeek, day.Workouts.Any(x => x.Type == WorkoutType.LongRide)) is { } cap && seconds > cap * 3600 + 0.5)
                {
                    broken.Add($"{day.Date} ({day.Date.DayOfWeek}) holds {seconds} s, over its {cap} h cap");
                }

                var hard = day.Workouts.Any(IsHard);
                if (rules.NoBackToBackHardDays && hard && previousHard)
                {
                    broken.Add($"{day.Date}: a hard day right after a hard day");
                }

                previousHard = hard;
            }

            var weekSeconds = week.Days.Sum(d => d.Workouts.Sum(x => x.DurationSeconds));
            if (rules.MaxHoursPerWeek is { } max && weekSeconds > max * 3600 + 0.5)
            {
                broken.Add($"week {w + 1} holds {weekSeconds} s, over its {max} h maximum");
            }

            if (rules.MinHoursPerWeek is { } min && weekSeconds < min * 3600 - 0.5)
            {
                var room = rules.MaxHoursPerWeek is { } m ? m * 3600 - weekSeconds : double.MaxValue;
                var roomy = week.Days.Where(d => d.Workouts.Count == 0 && RidingAllowed(rules, d.Date)
                    && Math.Min(room, (CapHours(rules, d.Date.DayOfWeek, holdsLongRide: false) ?? double.MaxValue / 3600) * 3600) >= ShortestSessionSeconds).ToList();
                if (roomy.Count > 0)
                {
                    broken.Add($"week {w + 1} holds {weekSeconds} s, under its {min} h minimum, while {string.Join(", ", roomy.Select(d => d.Date.DayOfWeek))} could take a ride");
                }
            }

            var hardSessions = week.Days.Sum(d => d.Workouts.Count(IsHard));
            if (rules.MaxHardSessionsPerWeek is { } maxHard && hardSessions > maxHard)
            {
                broken.Add($"week {w + 1} has {hardSessions} hard sessions, over {maxHard}");
            }
        }

        return broken;
    }

    /// <summary>The most a day may hold, in hours, or null for no cap (see the class summary).</summary>
    public static double? CapHours(RuleSet rules, DayOfWeek day, bool holdsLongRide)
    {
        var weekdayCap = rules.DayCaps.Where(c => c.Day == day).Select(c => (double?)c.MaxHours).Min();
        var longRideDay = rules.LongRideDay is { } l ? l == day : holdsLongRide;
        var general = longRideDay && rules.LongRideMaxHours is { } longRide ? longRide : rules.MaxHoursPerDay;
        return weekdayCap is { } specific && rules.LongRideMaxHours is { } longCap && longRideDay ? Math.Min(specific, longCap) : weekdayCap ?? general;
    }

    /// <summary>Any effort at sweet spot or above, from the steps as ridden.</summary>
    public static bool IsHard(PlannedWorkout workout) => Efforts(workout).Any(e => e.Seconds > 0 && e.Power >= HardFraction);

    /// <summary>What the rider rides: each part's length and its highest and lowest power (fractions of FTP).</summary>
    private static IEnumerable<(int Seconds, double Power, double LowPower)> Efforts(PlannedWorkout workout) =>
        workout.Steps.SelectMany(s => s.Kind switch
        {
            StepKind.Intervals => new[] { (s.Repeat * s.DurationSeconds, s.PowerHigh, s.PowerHigh), (s.Repeat * s.OffDurationSeconds, s.OffPower, s.OffPower) },
            StepKind.Steady => [(s.DurationSeconds, (s.PowerLow + s.PowerHigh) / 2, (s.PowerLow + s.PowerHigh) / 2)],
            _ => [(s.DurationSeconds, Math.Max(s.PowerLow, s.PowerHigh), Math.Min(s.PowerLow, s.PowerHigh))], // a ramp
        });

    private static IEnumerable<string> SessionProblems(PlannedWorkout workout)
    {
        var efforts = Efforts(workout).Where(e => e.Seconds > 0).ToList();
        var seconds = efforts.Sum(e => e.Seconds);
        if (workout.DurationSeconds <= 0 || efforts.Count == 0)
        {
            yield return "no length or no steps";
            yield break;
        }

        if (workout.DurationSeconds != seconds)
        {
            yield return $"lasts {workout.DurationSeconds} s but its steps {seconds} s";
        }

        if (workout.Zone is < 1 or > 7)
        {
            yield return $"zone {workout.Zone}";
        }

        double Tss(double power) => seconds / 3600.0 * power * power * 100;
        var (low, high) = (Tss(efforts.Min(e => e.LowPower)), Tss(efforts.Max(e => e.Power)));
        if (workout.TargetTss < low - 0.05 || workout.TargetTss > high + 0.05) // stored to one decimal
        {
            yield return $"{workout.TargetTss} TSS is outside {low:0.0}–{high:0.0}, what its steps can give";
        }
    }
}
