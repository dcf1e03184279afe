using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Rules;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>
/// The built-in coach's sessions for one week and a TSS target:
/// <list type="number">
/// <item>the days: every allowed day that is not an event, the day after an A/B event or after an A event in its week;
/// as many sessions as the target's hours fill at 45 min or more each, up to 6 (the days are used before sessions grow);</item>
/// <item>the long ride on the long-ride day (else Saturday, else Sunday), not in a recovery or transition week nor in the
/// last 7 days before an A event;</item>
/// <item>quality sessions (hard ones by sessions and CTL, coaching.md §3; the rider's maximum wins), spaced with an easy
/// day between them across week ends, never next to a C event nor in the 48 h before an A/B event; in the last 7 days
/// before an A event they are race openers; a recovery week has one short tempo session instead;</item>
/// <item>lengths: quality sessions by CTL, the endurance rides and the long ride (twice the weight) share what the
/// target needs, found by bisection on the TSS of the real sessions, within every cap (week, goal, day, long ride, the
/// coach's own 3 h / 6 h ceilings) and at least the rules' weekly minimum;</item>
/// <item>the sessions themselves from the library (<see cref="LibraryChooser"/>): by type, length and the rider's
/// progression level in that energy system;</item>
/// <item>when the caps hold the week under its target, one endurance ride becomes endurance with tempo blocks if the
/// week stays at least 80 % easy; what is still missing is reported (<see cref="Result.Short"/>).</item>
/// </list>
/// </summary>
internal sealed class WeekLayout(RuleSet rules, PlanGoals goals, Season season, HashSet<DateOnly> qualityDates)
{
    private const double TypicalTssPerHour = 42; // an endurance hour at 65 % FTP with its warm-up: to count sessions [E]
    private const int EnduranceCeiling = 3 * 3600, LongRideCeiling = 6 * 3600, SpinSeconds = 45 * 60, RecoveryTempoSeconds = 45 * 60;
    public const double LongRideWeight = 2;
    private const double UpgradeEasyShare = 0.80;
    private const double ShortShare = 0.03; // a week more than 3 % under its target is short [E]

    private static readonly DayOfWeek[] QualityPreference =
        [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Sunday, DayOfWeek.Monday];

    private static readonly DayOfWeek[] EasyPreference =
        [DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Thursday, DayOfWeek.Tuesday];

    private readonly DayOfWeek? longRideDay = new DayOfWeek?[] { rules.LongRideDay, DayOfWeek.Saturday, DayOfWeek.Sunday }.FirstOrDefault(d => d is { } day && rules.IsRidingDay(day));

    /// <param name="Short">TSS the caps kept out of the week (0 when the target was reached).</param>
    public sealed record Result(IReadOnlyList<PlanDay> Days, double Tss, double Target, double Short);

    /// <param name="Level">The rider's progression level in the session's energy system (<see cref="ProgressionLevels"/>).</param>
    private sealed record Slot(DateOnly Date, WorkoutType Type, double Weight, int Ceiling, int? Fixed = null, bool Opener = false, int Level = ProgressionLevels.Lowest);

    public int? WeekCapSeconds => Min(rules.MaxSecondsPerWeek(), goals.WeeklyHours is { } h ? (int)Math.Round(h * 3600) : null);

    /// <param name="Target">The week's TSS.</param>
    /// <param name="VolumeCapSeconds">The coach's own volume limit for the week (given way when it would leave the week under <paramref name="Floor"/>).</param>
    /// <param name="Floor">TSS under which the week would detrain the rider (what CTL holds).</param>
    /// <param name="EasyOnly">No quality session at all (the first week back from a break).</param>
    /// <param name="Levels">The rider's progression level per energy system (<see cref="ProgressionLevels.System"/>); missing: the lowest.</param>
    /// <param name="LongRideShare">The long ride's weight against an endurance ride's (twice by default; more toward a long event's course).</param>
    public sealed record Ask(IReadOnlyList<DateOnly> Dates, PlanPhase Phase, double Target, double Ctl, WorkoutType[] QualityTypes, int? VolumeCapSeconds = null, double Floor = 0, bool EasyOnly = false,
        IReadOnlyDictionary<WorkoutType, int>? Levels = null, double LongRideShare = LongRideWeight)
    {
        public int Level(WorkoutType type) => Levels?.GetValueOrDefault(ProgressionLevels.System(type)) is { } level and > 0 ? level : ProgressionLevels.Lowest;
    }

    public Result Lay(Ask ask)
    {
        var (dates, phase, target) = (ask.Dates, ask.Phase, ask.Target);
        var open = dates.Where(d => rules.AllowsSessionOn(d) && rules.EventOn(d) is null && season.TaperShare(d) > 0 && !season.IsAfterAEvent(d)).ToList();
        // The coach's volume limit never goes under the rules' weekly minimum (a wish the rider stated).
        var volume = ask.VolumeCapSeconds is { } v ? Math.Max(v, rules.MinSecondsPerWeek() ?? 0) : (int?)null;
        var spaced = qualityDates.ToList();
        var result = Lay(ask, open, Min(WeekCapSeconds, volume));
        if (volume is not null && result.Tss < ask.Floor && volume < (WeekCapSeconds ?? int.MaxValue))
        {
            // The coach's volume limit gives way before the rider detrains; the rules' caps never do.
            qualityDates.Clear();
            qualityDates.UnionWith(spaced);
            result = Lay(ask, open, WeekCapSeconds);
        }

        var sessions = result.Days.SelectMany(d => d.Workouts.Select(w => (d.Date, Workout: w))).Concat(Spins(dates, phase)).ToList();
        var days = dates.Select(d => new PlanDay(d, sessions.Where(s => s.Date == d).Select(s => s.Workout).ToList())).ToList();
        return result with { Days = days, Tss = days.SelectMany(d => d.Workouts).Sum(w => w.TargetTss) };
    }

    private Result Lay(Ask ask, List<DateOnly> open, int? cap)
    {
        var (dates, phase, target) = (ask.Dates, ask.Phase, ask.Target);
        var slots = target > 0 && open.Count > 0 ? Slots(ask, open, cap) : [];
        var fixedSeconds = slots.Sum(s => s.Fixed ?? 0);
        var pool = slots.Where(s => s.Fixed is null).ToList();
        var most = Math.Max(0, Math.Min((cap ?? int.MaxValue) - fixedSeconds, pool.Sum(s => s.Ceiling)));
        var least = Math.Min(most, Math.Max(0, (rules.MinSecondsPerWeek() ?? 0) - fixedSeconds));

        var (seconds, tss) = Fit(slots, least, most, target);
        if (seconds >= most && tss < (1 - ShortShare) * target && phase is PlanPhase.Base or PlanPhase.Build && !ask.EasyOnly
            && pool.Where(s => s.Type == WorkoutType.Endurance).MaxBy(s => s.Ceiling) is { } ride)
        {
            // Endurance with tempo blocks raises the week's TSS in the same hours (coaching.md §1: when caps bind).
            var tempo = slots.Select(s => s == ride ? s with { Type = WorkoutType.Tempo, Level = ask.Level(WorkoutType.Tempo) } : s).ToList();
            var (moreSeconds, moreTss) = Fit(tempo, least, most, target);
            if (moreTss > tss && EasyShare(Build(tempo, moreSeconds)) >= UpgradeEasyShare)
            {
                (slots, seconds, tss) = (tempo, moreSeconds, moreTss);
            }
        }

        var sessions = Build(slots, seconds);
        var days = dates.Select(d => new PlanDay(d, sessions.Where(s => s.Date == d).Select(s => s.Workout).ToList())).ToList();
        return new Result(days, days.SelectMany(d => d.Workouts).Sum(w => w.TargetTss), target, Math.Max(0, target - tss));
    }

    private List<Slot> Slots(Ask ask, List<DateOnly> open, int? cap)
    {
        var (dates, phase, target, ctl) = (ask.Dates, ask.Phase, ask.Target, ask.Ctl);
        var seconds = Math.Min(Math.Max(target / TypicalTssPerHour * 3600, rules.MinSecondsPerWeek() ?? 0), cap ?? double.MaxValue);
        var count = Math.Clamp((int)Math.Round(seconds / ShortestUsefulSessionSeconds), 1, Math.Min(open.Count, MaxSessionsPerWeek));
        var races = dates.Count(rules.HasCEventOn);
        var hard = phase is PlanPhase.Recovery or PlanPhase.Transition || ask.EasyOnly
            ? 0
            : Math.Max(0, Math.Min(rules.MaxHardSessionsPerWeek ?? int.MaxValue, HardSessionsFor(count + races, ctl)) - races);
        var quality = phase == PlanPhase.Recovery && count >= 3 ? 1 : hard;

        var slots = new List<Slot>();
        var free = open.ToList();
        // The long-ride day, else the other weekend day (an event may take it); never the 2 days before an A/B event.
        if (phase is not (PlanPhase.Recovery or PlanPhase.Transition)
            && new DayOfWeek?[] { longRideDay, DayOfWeek.Saturday, DayOfWeek.Sunday }.Select(day => free.FirstOrDefault(d => d.DayOfWeek == day))
                .FirstOrDefault(d => d != default && season.LastTaperWeek(d) is null && rules.KeyEventWithin(d, NoHardDaysBeforeEvent) is null) is var longDate && longDate != default
            && Ceiling(longDate, LongRideCeiling, longRide: true) is { } longCeiling)
        {
            slots.Add(new Slot(longDate, WorkoutType.LongRide, ask.LongRideShare * season.TaperShare(longDate), longCeiling));
            free.Remove(longDate);
        }

        // At least one easy session besides the long ride in every week that has room for it.
        quality = Math.Min(quality, count - slots.Count - (slots.Count == 0 ? 1 : 0));
        foreach (var date in free.OrderBy(d => Array.IndexOf(QualityPreference, d.DayOfWeek)).ToList())
        {
            if (slots.Count(s => s.Fixed is not null) >= quality)
            {
                break;
            }

            if (qualityDates.Contains(date.AddDays(-1)) || qualityDates.Contains(date.AddDays(1)) || rules.HasCEventOn(date.AddDays(-1)) || rules.HasCEventOn(date.AddDays(1))
                || rules.KeyEventWithin(date, NoHardDaysBeforeEvent) is not null)
            {
                continue;
            }

            if (season.LastTaperWeek(date) is { } window)
            {
                // Race openers, at most two in the event's last 7 days, at full length or not at all.
                if (qualityDates.Count(d => d >= window.From && d <= window.To) < 2 && Ceiling(date, OpenerSeconds, longRide: false) == OpenerSeconds)
                {
                    slots.Add(new Slot(date, WorkoutType.Vo2Max, 1, OpenerSeconds, OpenerSeconds, Opener: true));
                    qualityDates.Add(date);
                    free.Remove(date);
                }

                continue;
            }

            var (type, length) = phase == PlanPhase.Recovery ? (WorkoutType.Tempo, RecoveryTempoSeconds)
                : (ask.QualityTypes[slots.Count(s => s.Fixed is not null) % ask.QualityTypes.Length], QualitySecondsFor(ctl));
            if (Ceiling(date, length, longRide: false) is { } ceiling)
            {
                slots.Add(new Slot(date, type, 1, ceiling, ceiling, Level: ask.Level(type)));
                qualityDates.Add(date);
                free.Remove(date);
            }
        }

        // The days are used before sessions grow, but an endurance ride gets at least 45 min (the long ride counts twice).
        var units = (seconds - slots.Sum(s => s.Fixed ?? 0)) / ShortestUsefulSessionSeconds - slots.Sum(s => s.Fixed is null ? s.Weight : 0);
        var easy = Math.Max(Math.Min(count, 2) - slots.Count, Math.Min(count - slots.Count, (int)Math.Round(units)));
        foreach (var date in free.OrderBy(d => qualityDates.Contains(d.AddDays(-1)) || qualityDates.Contains(d.AddDays(1)) ? 1 : 0)
                     .ThenBy(d => Array.IndexOf(EasyPreference, d.DayOfWeek)))
        {
            if (easy <= 0)
            {
                break;
            }

            if (Ceiling(date, EnduranceCeiling, longRide: false) is { } ceiling)
            {
                // Around an event a day's share of the riding follows its taper share.
                slots.Add(new Slot(date, WorkoutType.Endurance, season.TaperShare(date), ceiling));
                easy--;
            }
        }

        // The quality sessions fit in the week's cap before anything else does.
        while (slots.Sum(s => s.Fixed ?? 0) > (cap ?? int.MaxValue))
        {
            slots.Remove(slots.Last(s => s.Fixed is not null));
        }

        return slots;
    }

    /// <summary>The pool length (seconds) whose week comes closest to the target from below, and its TSS.</summary>
    private (int Seconds, double Tss) Fit(List<Slot> slots, int least, int most, double target)
    {
        double Tss(int seconds) => Build(slots, seconds).Sum(s => s.Workout.TargetTss);
        var high = Tss(most);
        if (high <= target)
        {
            return (most, high);
        }

        var (lo, hi) = (least, most);
        if (Tss(lo) >= target)
        {
            return (lo, Tss(lo));
        }

        while (hi - lo > 60)
        {
            var mid = (lo + hi) / 2;
            if (Tss(mid) <= target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo, Tss(lo));
    }

    /// <summary>The sessions: fixed ones at their length, the pool shared by weight within ceilings; under 20 min dropped.</summary>
    private static List<(DateOnly Date, PlannedWorkout Workout)> Build(List<Slot> slots, int poolSeconds)
    {
        var pool = Allocate(slots.Where(s => s.Fixed is null).ToList(), poolSeconds);
        var sessions = new List<(DateOnly, PlannedWorkout)>();
        foreach (var slot in slots)
        {
            var seconds = (int)(slot.Fixed ?? pool[slot]) / 60 * 60;
            if (seconds >= WorkoutLibrary.MinimumSeconds)
            {
                sessions.Add((slot.Date, slot.Opener ? WorkoutLibrary.Openers() : LibraryChooser.Choose(slot.Type, seconds, slot.Level)));
            }
        }

        return sessions;
    }

    /// <summary>Short recovery spins on the allowed days after an A event in its own week (at most two) [E].</summary>
    private IEnumerable<(DateOnly Date, PlannedWorkout Workout)> Spins(IReadOnlyList<DateOnly> dates, PlanPhase phase) => phase != PlanPhase.Race
        ? []
        : dates.Where(d => season.IsAfterAEvent(d) && season.TaperShare(d) > 0 && rules.AllowsSessionOn(d) && rules.EventOn(d) is null)
            .Select(d => (Date: d, Ceiling: Ceiling(d, SpinSeconds, longRide: false)))
            .Where(s => s.Ceiling is not null).Take(2)
            .Select(s => (s.Date, LibraryChooser.Choose(WorkoutType.Recovery, s.Ceiling!.Value, ProgressionLevels.Lowest)));

    private static double EasyShare(List<(DateOnly Date, PlannedWorkout Workout)> sessions)
    {
        var total = sessions.Sum(s => s.Workout.DurationSeconds);
        return total == 0 ? 1 : sessions.Sum(s => WorkoutSteps.SecondsAtOrBelow(s.Workout.Steps, EasyPowerCeiling)) / total;
    }

    /// <summary>The session's ceiling: the coach's own or the day's cap; null when that leaves under 20 min.</summary>
    private int? Ceiling(DateOnly date, int coach, bool longRide)
    {
        var ceiling = Math.Min(coach, rules.DayCapSeconds(date.DayOfWeek, longRide) ?? int.MaxValue);
        return ceiling >= WorkoutLibrary.MinimumSeconds ? ceiling : null;
    }

    /// <summary>Shares the seconds by weight, filling each slot at most to its ceiling and handing the rest to the others.</summary>
    private static Dictionary<Slot, double> Allocate(List<Slot> slots, double seconds)
    {
        var shares = new Dictionary<Slot, double>();
        var remaining = seconds;
        var open = slots.ToList();
        while (open.Count > 0)
        {
            var unit = remaining / open.Sum(s => s.Weight);
            var capped = open.Where(s => s.Weight * unit >= s.Ceiling).ToList();
            if (capped.Count == 0)
            {
                open.ForEach(s => shares[s] = s.Weight * unit);
                break;
            }

            foreach (var slot in capped)
            {
                shares[slot] = slot.Ceiling;
                remaining -= slot.Ceiling;
                open.Remove(slot);
            }
        }

        return shares;
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
