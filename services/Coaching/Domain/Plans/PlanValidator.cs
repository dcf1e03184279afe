using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>
/// The one gate every plan passes before it is stored, whichever engine wrote it. <see cref="Validate"/> lists every
/// violation of the plan's shape and of the rider's rules; <see cref="PlanRepairer.Repair"/> fixes what can be fixed.
/// A day's load is the sum of its workouts; weeks are the plan's weeks (Monday to Sunday).
/// </summary>
public static class PlanValidator
{
    public const int DurationToleranceSeconds = 60;
    public const double TssTolerance = 1;

    public static IReadOnlyList<PlanViolation> Validate(TrainingPlan plan, RuleSet rules)
    {
        var violations = CalendarViolations(plan).ToList();
        for (var w = 0; w < plan.Weeks.Count; w++)
        {
            foreach (var day in plan.Weeks[w].Days)
            {
                foreach (var workout in day.Workouts)
                {
                    if (WorkoutProblems(workout) is { Count: > 0 } problems)
                    {
                        violations.Add(Error(PlanViolationCodes.Structure, w + 1, day.Date, $"{PlanText.Day(day.Date)}, {workout.Name}: {string.Join("; ", problems)}."));
                    }
                }
            }
        }

        violations.AddRange(RuleViolations(plan, rules));
        return violations;
    }

    public static PlanRepairResult Repair(TrainingPlan plan, RuleSet rules) => PlanRepairer.Repair(plan, rules);

    /// <summary>The plan's calendar: a Monday start, weeks numbered 1..n, seven consecutive days each.</summary>
    internal static IEnumerable<PlanViolation> CalendarViolations(TrainingPlan plan)
    {
        if (plan.StartDate.DayOfWeek != DayOfWeek.Monday)
        {
            yield return Error(PlanViolationCodes.Structure, null, plan.StartDate, $"The plan starts on {PlanText.Day(plan.StartDate)}, not on a Monday.");
        }

        if (plan.Weeks.Count == 0)
        {
            yield return Error(PlanViolationCodes.Structure, null, null, "The plan has no weeks.");
        }

        for (var w = 0; w < plan.Weeks.Count; w++)
        {
            var week = plan.Weeks[w];
            if (week.WeekNumber != w + 1)
            {
                yield return Error(PlanViolationCodes.Structure, w + 1, null, $"Week {w + 1} is numbered {week.WeekNumber}.");
            }

            if (week.Days.Count != 7)
            {
                yield return Error(PlanViolationCodes.Structure, w + 1, null, $"Week {w + 1} has {week.Days.Count} days, not 7.");
            }

            for (var d = 0; d < week.Days.Count; d++)
            {
                var expected = plan.StartDate.AddDays(w * 7 + d);
                if (week.Days[d].Date != expected)
                {
                    yield return Error(PlanViolationCodes.Structure, w + 1, week.Days[d].Date, $"Day {d + 1} of week {w + 1} is {PlanText.Day(week.Days[d].Date)}, expected {PlanText.Day(expected)}.");
                }
            }
        }
    }

    /// <summary>The calendar can carry rule checks and repairs (numbering aside, which a repair renumbers).</summary>
    internal static bool HasSoundCalendar(TrainingPlan plan) =>
        plan.StartDate.DayOfWeek == DayOfWeek.Monday && plan.Weeks.Count > 0 &&
        plan.Weeks.Select((week, w) => week.Days.Count == 7 && week.Days.Select((day, d) => day.Date == plan.StartDate.AddDays(w * 7 + d)).All(ok => ok)).All(ok => ok);

    internal static bool HasSoundSteps(PlannedWorkout workout) =>
        workout.Steps.Count > 0 && WorkoutSteps.TotalSeconds(workout.Steps) > 0 &&
        workout.Steps.All(s => s.DurationSeconds >= 0 && s.OffDurationSeconds >= 0 && s.Repeat >= 1 && IsPower(s.PowerLow) && IsPower(s.PowerHigh) && IsPower(s.OffPower));

    internal static List<string> WorkoutProblems(PlannedWorkout workout)
    {
        var problems = new List<string>();
        if (!HasSoundSteps(workout))
        {
            problems.Add("its steps are empty, of negative length, without repeats or outside 0–300 % of FTP");
        }

        var stepSeconds = WorkoutSteps.TotalSeconds(workout.Steps);
        if (workout.DurationSeconds <= 0)
        {
            problems.Add("it has no length");
        }
        else if (Math.Abs(workout.DurationSeconds - stepSeconds) > DurationToleranceSeconds)
        {
            problems.Add($"it lasts {PlanText.Duration(workout.DurationSeconds)} but its steps add up to {PlanText.Duration(stepSeconds)}");
        }

        if (workout.Zone is < 1 or > 7)
        {
            problems.Add($"zone {workout.Zone} is not 1–7");
        }

        var tss = WorkoutSteps.Tss(workout.Steps);
        if (!(Math.Abs(workout.TargetTss - tss) <= TssTolerance))
        {
            problems.Add($"it targets {workout.TargetTss:0.#} TSS but its steps give {tss:0.#}");
        }

        return problems;
    }

    private static bool IsPower(double fraction) => fraction is >= 0 and <= 3;

    private static IEnumerable<PlanViolation> RuleViolations(TrainingPlan plan, RuleSet rules)
    {
        PlanDay? previous = null;
        var previousWeek = 0;
        for (var w = 0; w < plan.Weeks.Count; w++)
        {
            var week = plan.Weeks[w];
            var number = w + 1;
            foreach (var day in week.Days)
            {
                if (day.Workouts.Count > 0 && PlacementViolation(rules, day.Date) is { } placement)
                {
                    yield return Error(placement.Code, number, day.Date, placement.Message);
                }

                var holdsLongRide = day.Workouts.Any(x => x.Type == WorkoutType.LongRide);
                if (rules.DayCapSeconds(day.Date.DayOfWeek, holdsLongRide) is { } cap && day.DurationSeconds > cap)
                {
                    var longRide = rules.IsLongRideDay(day.Date.DayOfWeek, holdsLongRide) && rules.LongRideMaxHours is { } hours && cap == (int)Math.Round(hours * 3600);
                    yield return Error(longRide ? PlanViolationCodes.LongRideCap : PlanViolationCodes.DayCap, number, day.Date,
                        $"{PlanText.Day(day.Date)} holds {PlanText.Duration(day.DurationSeconds)}; the {(longRide ? "long-ride" : "day")} cap is {PlanText.Duration(cap)}.");
                }

                if (rules.NoBackToBackHardDays && IsHard(day, rules) && previous is not null && previous.Date == day.Date.AddDays(-1) && IsHard(previous, rules))
                {
                    yield return Error(PlanViolationCodes.BackToBackHard, number, day.Date,
                        $"{PlanText.Day(day.Date)} is a hard day right after {(previousWeek == number ? "" : "the previous week's ")}hard {previous.Date.DayOfWeek}.");
                }

                if (IsHard(day) && rules.KeyEventWithin(day.Date, CoachingPrinciples.NoHardDaysBeforeEvent) is { } key)
                {
                    yield return Error(PlanViolationCodes.HardBeforeEvent, number, day.Date,
                        $"{PlanText.Day(day.Date)} holds a hard session within 48 h of {key.Name} ({key.Priority} event on {key.Date:yyyy-MM-dd}).");
                }

                previous = day;
                previousWeek = number;
            }

            var seconds = week.Days.Sum(d => d.DurationSeconds);
            if (rules.MaxSecondsPerWeek() is { } max && seconds > max)
            {
                yield return Error(PlanViolationCodes.WeekHoursMax, number, null, $"Week {number} holds {PlanText.Duration(seconds)}; at most {PlanText.Duration(max)} are allowed.");
            }

            if (rules.MinSecondsPerWeek() is { } min && seconds < min)
            {
                yield return new PlanViolation(PlanViolationCodes.WeekHoursMin, ViolationSeverity.Warning, number, null, $"Week {number} holds {PlanText.Duration(seconds)}, under the {PlanText.Duration(min)} minimum.");
            }

            // A C event counts as a hard session, but only against the sessions: an event the rider named is never the violation.
            var races = week.Days.Count(d => rules.HasCEventOn(d.Date));
            var hard = HardSessions(week, rules) - races;
            if (rules.MaxHardSessionsPerWeek is { } maxHard && hard > Math.Max(0, maxHard - races))
            {
                yield return Error(PlanViolationCodes.HardSessions, number, null, races == 0
                    ? $"Week {number} has {hard} hard sessions; at most {maxHard} are allowed."
                    : $"Week {number} has {hard} hard sessions besides its C event; at most {maxHard} are allowed with the event counted as one.");
            }
        }
    }

    /// <summary>Why no session may be planned on the date (blackout first, then rest day, then unavailable), or null.</summary>
    internal static (string Code, string Message)? PlacementViolation(RuleSet rules, DateOnly date)
    {
        var day = PlanText.Day(date);
        if (rules.BlackoutOn(date) is { } range)
        {
            return (PlanViolationCodes.Blackout, $"{day} is inside the blackout {range.From:yyyy-MM-dd} to {range.To:yyyy-MM-dd}{(range.Reason is null ? "" : $" ({range.Reason})")}.");
        }

        if (rules.RestDays.Contains(date.DayOfWeek))
        {
            return (PlanViolationCodes.RestDay, $"{day} is a rest day.");
        }

        return rules.AvailableDays is { } available && !available.Contains(date.DayOfWeek) ? (PlanViolationCodes.UnavailableDay, $"{day} is not an available day.") : null;
    }

    internal static bool IsHard(PlanDay day) => day.Workouts.Any(x => x.Type.IsHard());

    /// <summary>A hard day: a hard session, or a C event (ridden as training, it counts as one).</summary>
    internal static bool IsHard(PlanDay day, RuleSet rules) => IsHard(day) || rules.HasCEventOn(day.Date);

    /// <summary>The week's hard sessions, a C event counted as one.</summary>
    public static int HardSessions(PlanWeek week, RuleSet rules) =>
        week.Days.Sum(d => d.Workouts.Count(x => x.Type.IsHard()) + (rules.HasCEventOn(d.Date) ? 1 : 0));

    private static PlanViolation Error(string code, int? week, DateOnly? date, string message) => new(code, ViolationSeverity.Error, week, date, message);
}
