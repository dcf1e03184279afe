using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>
/// Deterministic repair of a plan against its rules, in this order (each step can only fix what the earlier ones
/// left, never undo them):
/// <list type="number">
/// <item>shape: week numbers, steps rebuilt when unusable, duration, zone and TSS recomputed from the steps;</item>
/// <item>sessions on a blackout, rest or unavailable day move to the nearest free allowed day of the same week that keeps every rule (never onto an event day), else are dropped;</item>
/// <item>surplus hard sessions (latest in the week first; a C event counts as one) become endurance rides;</item>
/// <item>a hard session in the 48 h before an A or B event becomes an endurance ride;</item>
/// <item>the second of two hard days in a row moves the same way, else becomes endurance;</item>
/// <item>a day over its cap is shrunk (<see cref="WorkoutLibrary.Resize"/>); a session that would end under 20 min is dropped instead;</item>
/// <item>a week over its maximum loses time from its longest sessions, long rides last, same 20-min floor;</item>
/// <item>a week under its minimum gains endurance rides on free allowed days, only where no rule breaks.</item>
/// </list>
/// Every day carries the rules' event on it (<see cref="PlanDay.Event"/>), whatever the plan said.
/// A plan whose calendar is broken (not starting on a Monday, missing or misplaced days) is not repaired: it is refused.
/// </summary>
internal sealed class PlanRepairer
{
    private const int MinimumSeconds = WorkoutLibrary.MinimumSeconds;

    private readonly RuleSet _rules;
    private readonly DateOnly _start;
    private readonly List<PlannedWorkout>[] _days;
    private readonly List<string> _repairs = [];

    private PlanRepairer(TrainingPlan plan, RuleSet rules)
    {
        _rules = rules;
        _start = plan.StartDate;
        _days = plan.Days.Select(d => d.Workouts.ToList()).ToArray();
    }

    private int WeekCount => _days.Length / 7;

    public static PlanRepairResult Repair(TrainingPlan plan, RuleSet rules)
    {
        if (!PlanValidator.HasSoundCalendar(plan))
        {
            return new PlanRepairResult(plan, [], PlanValidator.Validate(plan, rules));
        }

        var repairer = new PlanRepairer(plan, rules);
        repairer.FixWorkouts();
        repairer.MoveOffForbiddenDays();
        repairer.LimitHardSessions();
        repairer.EaseBeforeEvents();
        repairer.SeparateHardDays();
        repairer.CapDays();
        repairer.CapWeeks();
        repairer.FillWeeks();
        var repaired = repairer.Build(plan);
        return new PlanRepairResult(repaired, repairer._repairs, PlanValidator.Validate(repaired, rules));
    }

    private TrainingPlan Build(TrainingPlan plan)
    {
        var weeks = plan.Weeks.Select((week, w) =>
        {
            if (week.WeekNumber != w + 1)
            {
                _repairs.Add($"Renumbered week {week.WeekNumber} as week {w + 1}.");
            }

            return new PlanWeek(w + 1, week.Focus, Enumerable.Range(0, 7).Select(d => new PlanDay(Date(w * 7 + d), _days[w * 7 + d], EventOn(w * 7 + d))).ToList(), week.Phase);
        }).ToList();
        return plan with { Weeks = weeks };
    }

    private DateOnly Date(int index) => _start.AddDays(index);

    private string Day(int index) => PlanText.Day(Date(index));

    /// <summary>A hard session on the day, or a C event (it counts as one).</summary>
    private bool IsHardDay(int index) => index >= 0 && index < _days.Length && (_days[index].Any(x => x.Type.IsHard()) || _rules.HasCEventOn(Date(index)));

    private PlannedEvent? EventOn(int index) => _rules.EventOn(Date(index)) is { } e ? new PlannedEvent(e.Name, e.Priority) : null;

    private int Seconds(int index) => _days[index].Sum(x => x.DurationSeconds);

    private int WeekSeconds(int week) => Enumerable.Range(week * 7, 7).Sum(Seconds);

    private int? Cap(int index, IEnumerable<PlannedWorkout> contents) =>
        _rules.DayCapSeconds(Date(index).DayOfWeek, contents.Any(x => x.Type == WorkoutType.LongRide));

    private void FixWorkouts()
    {
        for (var i = 0; i < _days.Length; i++)
        {
            for (var k = _days[i].Count - 1; k >= 0; k--)
            {
                var workout = _days[i][k];
                if (PlanValidator.WorkoutProblems(workout).Count == 0)
                {
                    continue;
                }

                if (!PlanValidator.HasSoundSteps(workout))
                {
                    if (workout.DurationSeconds <= 0)
                    {
                        _days[i].RemoveAt(k);
                        _repairs.Add($"Dropped {Day(i)}'s {workout.Name}: it had neither usable steps nor a length.");
                        continue;
                    }

                    _days[i][k] = WorkoutLibrary.Build(workout.Type, workout.DurationSeconds);
                    _repairs.Add($"Rebuilt the steps of {Day(i)}'s {workout.Name} as a {PlanText.Duration(_days[i][k].DurationSeconds)} {workout.Type} session.");
                    continue;
                }

                var zone = workout.Zone is >= 1 and <= 7 ? workout.Zone : WorkoutLibrary.Zone(workout.Type);
                _days[i][k] = workout with { DurationSeconds = WorkoutSteps.TotalSeconds(workout.Steps), Zone = zone, TargetTss = WorkoutSteps.Tss(workout.Steps) };
                _repairs.Add($"Set {Day(i)}'s {workout.Name} to what its steps give: {PlanText.Duration(_days[i][k].DurationSeconds)}, zone {zone}, {_days[i][k].TargetTss:0.#} TSS.");
            }
        }
    }

    private void MoveOffForbiddenDays()
    {
        for (var i = 0; i < _days.Length; i++)
        {
            if (_days[i].Count == 0 || PlanValidator.PlacementViolation(_rules, Date(i)) is not { } why)
            {
                continue;
            }

            foreach (var workout in _days[i].ToList())
            {
                MoveOrElse(i, [workout], why.Message, () =>
                {
                    _days[i].Remove(workout);
                    _repairs.Add($"Dropped {Day(i)}'s {workout.Name}: {Reason(why.Message)}, and no free allowed day that week could take it.");
                });
            }
        }
    }

    private void LimitHardSessions()
    {
        if (_rules.MaxHardSessionsPerWeek is not { } max)
        {
            return;
        }

        for (var w = 0; w < WeekCount; w++)
        {
            var races = Enumerable.Range(w * 7, 7).Count(i => _rules.HasCEventOn(Date(i)));
            var hard = Enumerable.Range(w * 7, 7).SelectMany(i => _days[i].Where(x => x.Type.IsHard()).Select(x => (Index: i, Workout: x))).ToList();
            foreach (var (index, workout) in hard.AsEnumerable().Reverse().Take(Math.Max(0, hard.Count - Math.Max(0, max - races))))
            {
                ToEndurance(index, workout, $"at most {max} hard session{(max == 1 ? "" : "s")} a week{(races > 0 ? ", the C event counting as one" : "")}");
            }
        }
    }

    private void EaseBeforeEvents()
    {
        for (var i = 0; i < _days.Length; i++)
        {
            if (_rules.KeyEventWithin(Date(i), CoachingPrinciples.NoHardDaysBeforeEvent) is not { } key)
            {
                continue;
            }

            foreach (var workout in _days[i].Where(x => x.Type.IsHard()).ToList())
            {
                ToEndurance(i, workout, $"no hard session in the 48 h before {key.Name}");
            }
        }
    }

    private void SeparateHardDays()
    {
        if (!_rules.NoBackToBackHardDays)
        {
            return;
        }

        for (var i = 1; i < _days.Length; i++)
        {
            if (!IsHardDay(i) || !IsHardDay(i - 1))
            {
                continue;
            }

            var hard = _days[i].Where(x => x.Type.IsHard()).ToList();
            MoveOrElse(i, hard, $"{Day(i)} came right after the hard {Date(i - 1).DayOfWeek}", () =>
            {
                foreach (var workout in hard)
                {
                    ToEndurance(i, workout, "no back-to-back hard days");
                }
            });
        }
    }

    private void CapDays()
    {
        for (var i = 0; i < _days.Length; i++)
        {
            while (Cap(i, _days[i]) is { } cap && Seconds(i) > cap)
            {
                var longest = _days[i].MaxBy(x => x.DurationSeconds)!;
                Shrink(i, longest, Seconds(i) - cap, $"the day's cap is {PlanText.Duration(cap)}");
            }
        }
    }

    private void CapWeeks()
    {
        if (_rules.MaxSecondsPerWeek() is not { } max)
        {
            return;
        }

        for (var w = 0; w < WeekCount; w++)
        {
            while (WeekSeconds(w) > max)
            {
                // Long rides are the week's key session: they give time last. Ties go to the latest day.
                var sessions = Enumerable.Range(w * 7, 7).SelectMany(i => _days[i].Select(x => (Index: i, Workout: x))).ToList();
                var candidates = sessions.Where(s => !IsLongRide(s.Index, s.Workout)).ToList();
                var (index, workout) = (candidates.Count > 0 ? candidates : sessions).OrderByDescending(s => s.Workout.DurationSeconds).ThenByDescending(s => s.Index).First();
                Shrink(index, workout, WeekSeconds(w) - max, $"week {w + 1} may hold at most {PlanText.Duration(max)}");
            }
        }
    }

    private void FillWeeks()
    {
        if (_rules.MinSecondsPerWeek() is not { } min)
        {
            return;
        }

        var max = _rules.MaxSecondsPerWeek();
        for (var w = 0; w < WeekCount; w++)
        {
            for (var i = w * 7; i < w * 7 + 7 && WeekSeconds(w) < min; i++)
            {
                if (_days[i].Count > 0 || !_rules.AllowsSessionOn(Date(i)) || _rules.EventOn(Date(i)) is not null)
                {
                    continue;
                }

                var deficit = (min - WeekSeconds(w) + 59) / 60 * 60;
                var room = Math.Min(Cap(i, []) ?? int.MaxValue, max is { } m ? m - WeekSeconds(w) : int.MaxValue) / 60 * 60;
                var length = Math.Min(Math.Max(deficit, MinimumSeconds), room);
                if (length < MinimumSeconds)
                {
                    continue;
                }

                var ride = WorkoutLibrary.Build(WorkoutType.Endurance, length);
                _days[i].Add(ride);
                _repairs.Add($"Added a {PlanText.Duration(ride.DurationSeconds)} endurance ride on {Day(i)} towards week {w + 1}'s {PlanText.Duration(min)} minimum.");
            }
        }
    }

    private bool IsLongRide(int index, PlannedWorkout workout) => workout.Type == WorkoutType.LongRide || _rules.LongRideDay == Date(index).DayOfWeek;

    /// <summary>
    /// Moves the sessions to the nearest (earlier first on a tie) free allowed day of the same week whose cap they fit
    /// and, for hard sessions under the back-to-back rule, whose neighbours are not hard; otherwise runs <paramref name="otherwise"/>.
    /// </summary>
    private void MoveOrElse(int source, List<PlannedWorkout> sessions, string why, Action otherwise)
    {
        var week = source / 7;
        var hard = sessions.Any(x => x.Type.IsHard());
        var seconds = sessions.Sum(x => x.DurationSeconds);
        bool HardAfterMove(int index) => index == source ? _days[source].Except(sessions).Any(x => x.Type.IsHard()) || _rules.HasCEventOn(Date(source)) : IsHardDay(index);

        var target = Enumerable.Range(week * 7, 7)
            .Where(t => t != source && _days[t].Count == 0 && _rules.AllowsSessionOn(Date(t)) && _rules.EventOn(Date(t)) is null)
            .Where(t => !(hard && _rules.KeyEventWithin(Date(t), CoachingPrinciples.NoHardDaysBeforeEvent) is not null))
            .Where(t => Cap(t, sessions) is not { } cap || seconds <= cap)
            .Where(t => !(hard && _rules.NoBackToBackHardDays && (HardAfterMove(t - 1) || HardAfterMove(t + 1))))
            .OrderBy(t => Math.Abs(t - source)).ThenBy(t => t)
            .Cast<int?>().FirstOrDefault();
        if (target is not { } t)
        {
            otherwise();
            return;
        }

        foreach (var workout in sessions)
        {
            _days[source].Remove(workout);
            _days[t].Add(workout);
        }

        _repairs.Add($"Moved {Day(source)}'s {string.Join(" and ", sessions.Select(x => x.Name))} to {Date(t).DayOfWeek} {Date(t):yyyy-MM-dd}: {Reason(why)}.");
    }

    private void ToEndurance(int index, PlannedWorkout workout, string rule)
    {
        var ride = WorkoutLibrary.Build(WorkoutType.Endurance, workout.DurationSeconds);
        _days[index][_days[index].IndexOf(workout)] = ride;
        _repairs.Add($"Turned {Day(index)}'s {workout.Name} into a {PlanText.Duration(ride.DurationSeconds)} endurance ride ({rule}).");
    }

    /// <summary>Takes <paramref name="excess"/> seconds off the session; one that would end under 20 min is dropped instead.</summary>
    private void Shrink(int index, PlannedWorkout workout, int excess, string rule)
    {
        var k = _days[index].IndexOf(workout);
        if (workout.DurationSeconds - excess >= MinimumSeconds)
        {
            var resized = WorkoutLibrary.Resize(workout, workout.DurationSeconds - excess);
            _days[index][k] = resized;
            _repairs.Add($"Shortened {Day(index)}'s {workout.Name} from {PlanText.Duration(workout.DurationSeconds)} to {PlanText.Duration(resized.DurationSeconds)} ({rule}).");
            return;
        }

        _days[index].RemoveAt(k);
        _repairs.Add($"Dropped {Day(index)}'s {workout.Name} ({rule}, and a session under 20 min is not worth riding).");
    }

    /// <summary>A violation message as the reason inside a sentence ("Tuesday … is a rest day." → "Tuesday … is a rest day").</summary>
    private static string Reason(string message) => message.TrimEnd('.');
}
