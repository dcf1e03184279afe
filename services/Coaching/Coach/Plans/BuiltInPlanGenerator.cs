using CyclingCoach.Coaching.Coach.Rules;
using CyclingCoach.Coaching.Engines;

namespace CyclingCoach.Coaching.Coach.Plans;

/// <summary>
/// The built-in coach's plan: a periodised block that keeps every rule by construction (the validator still checks it).
/// <list type="bullet">
/// <item>Load: weeks 1–3 build from the rider's recent weekly hours (5 h without history, at least 3 h) by 8 % a week, week 4
/// recovers at 60 % of week 3, and the cycle repeats for longer blocks; every week stays within
/// <see cref="PlanGoals.WeeklyHours"/> and the rules' maximum, and at or above their minimum where the days allow.</item>
/// <item>Days: about one session per 75 minutes of the week (2 to 6), on allowed days only; the long ride on the
/// long-ride day (else Saturday, else Sunday), quality sessions spaced with an easy day between them, across week ends
/// too; the rest are endurance rides. Hours are shared out by weight (long ride 2.5, others 1) and no session exceeds
/// its day's cap or the coach's own ceilings (quality 90 min, endurance 3 h, long ride 6 h).</item>
/// <item>Intensity: up to <see cref="RuleSet.MaxHardSessionsPerWeek"/> (default 2, at most 3) quality sessions of the
/// focus's type (threshold, sweet spot, VO2max or tempo; default sweet spot then threshold); the recovery week has at
/// most one, of 45 minutes at most.</item>
/// <item>Event: when the target event falls inside the block its day stays free, the 7 days before it are cut to 60 %
/// with nothing hard in the last 2, and the days after it hold only short recovery spins.</item>
/// </list>
/// </summary>
public static class BuiltInPlanGenerator
{
    private const double WeeklyGrowth = 1.08;
    private const double RecoveryShare = 0.6;
    private const double TaperShare = 0.6;
    private const double DefaultWeeklyHours = 5;

    // Below this the weighted split leaves sessions under WorkoutLibrary.MinimumSeconds and they vanish (0.75 h of
    // recent riding made a week of one 32-min ride); a rider with less recent riding starts here instead.
    private const double LeastStartHours = 3;
    private const int DefaultHardSessions = 2;
    private const int MostHardSessions = 3;
    private const double SecondsPerSession = 75 * 60;
    private const double LongRideWeight = 2.5;
    private const int QualityCeiling = 90 * 60, RecoveryWeekQualityCeiling = 45 * 60;
    private const int EnduranceCeiling = 3 * 3600, LongRideCeiling = 6 * 3600, RecoverySpinCeiling = 45 * 60;

    private static readonly DayOfWeek[] QualityPreference =
        [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Sunday, DayOfWeek.Monday];

    private static readonly DayOfWeek[] EasyPreference =
        [DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Thursday, DayOfWeek.Tuesday];

    public static TrainingPlan Generate(PlanContext context)
    {
        if (context.StartDate.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"A plan starts on a Monday, not on {context.StartDate:dddd yyyy-MM-dd}.", nameof(context));
        }

        if (context.Weeks < 1)
        {
            throw new ArgumentException("A plan has at least one week.", nameof(context));
        }

        var block = new Block(context);
        var weeks = Enumerable.Range(0, context.Weeks).Select(block.Week).ToList();
        return new TrainingPlan(context.StartDate, context.Goals.Focus ?? "General fitness", weeks, block.Notes());
    }

    private sealed record Slot(DateOnly Date, WorkoutType Type, double Weight, int Ceiling);

    private sealed class Block(PlanContext context)
    {
        private readonly RuleSet _rules = context.Rules;
        private readonly DayOfWeek? _longRideDay = LongRideDay(context.Rules);
        private readonly WorkoutType[] _qualityTypes = QualityTypes(context.Goals.Focus);
        private readonly TargetEvent? _event = context.Rules.TargetEvent is { } e && e.Date >= context.StartDate && e.Date < context.StartDate.AddDays(context.Weeks * 7) ? e : null;
        private readonly HashSet<DateOnly> _qualityDates = [];

        private double StartHours => Bound(context.Fitness.RecentWeeklyHours > 0
            ? Math.Max(context.Fitness.RecentWeeklyHours, LeastStartHours)
            : context.Goals.WeeklyHours ?? DefaultWeeklyHours);

        public PlanWeek Week(int index)
        {
            var position = index % 4;
            var recovery = position == 3;
            var build = Bound(StartHours * Math.Pow(WeeklyGrowth, index / 4 + Math.Min(position, 2)));
            var hours = recovery ? WithinRules(build * RecoveryShare) : build;
            var dates = Enumerable.Range(0, 7).Select(d => context.StartDate.AddDays(index * 7 + d)).ToList();
            var sessions = Allocate(Slots(dates, hours, recovery), hours * 3600).Select(s => AroundEvent(s.Slot, s.Seconds)).OfType<(DateOnly Date, WorkoutType Type, int Seconds)>().ToList();
            var days = dates.Select(date => new PlanDay(date, sessions.Where(s => s.Date == date).Select(s => WorkoutLibrary.Build(s.Type, s.Seconds)).ToList())).ToList();
            var focus = _event is { } e && dates.Contains(e.Date) ? $"Event: {e.Name}"
                : _event is { } t && dates.Any(InTaper) ? $"Taper for {t.Name}"
                : recovery ? "Recovery" : $"Build {index / 4 * 3 + position + 1}";
            return new PlanWeek(index + 1, focus, days);
        }

        public string Notes()
        {
            var longRide = _longRideDay is { } day ? $"long ride on {day}" : "no long-ride day available";
            var quality = string.Join(" then ", _qualityTypes.Select(t => WorkoutLibrary.Build(t, 3600).Name.ToLowerInvariant()));
            var taper = _event is { } e ? $" Taper for {e.Name} on {e.Date:yyyy-MM-dd}: the 7 days before at 60 %, nothing hard in the last 2." : "";
            return $"Built-in coach: from {PlanText.Hours(StartHours)} a week, +8 % a week for three weeks, then a recovery week at 60 %; {longRide}; quality: {quality}.{taper}";
        }

        private List<Slot> Slots(List<DateOnly> dates, double hours, bool recovery)
        {
            // The week is laid out as if there were no event (so its load is not pushed onto other days), then
            // AroundEvent reshapes the sessions near it.
            var slots = new List<Slot>();
            var open = dates.Where(_rules.AllowsSessionOn).ToList();
            var count = Math.Min(open.Count, Math.Clamp((int)Math.Round(hours * 3600 / SecondsPerSession), 2, 6));
            if (count == 0)
            {
                return slots;
            }

            // No long ride in the two days before the event.
            var longDate = open.FirstOrDefault(d => d.DayOfWeek == _longRideDay && !(d >= _event?.Date.AddDays(-2) && d < _event?.Date));
            if (longDate != default && Ceiling(longDate, LongRideCeiling, longRide: true) is { } longCeiling)
            {
                slots.Add(new Slot(longDate, WorkoutType.LongRide, LongRideWeight, longCeiling));
                open.Remove(longDate);
                count--;
            }

            var quality = Math.Min(Math.Min(_rules.MaxHardSessionsPerWeek ?? DefaultHardSessions, recovery ? 1 : MostHardSessions), count - (slots.Any(s => s.Type == WorkoutType.LongRide) ? 0 : 1));
            var qualityCeiling = recovery ? RecoveryWeekQualityCeiling : QualityCeiling;
            foreach (var date in open.Where(d => !(_event is { } e && d >= e.Date.AddDays(-2))).OrderBy(d => Array.IndexOf(QualityPreference, d.DayOfWeek)).ToList())
            {
                if (slots.Count(s => s.Type.IsHard() || s.Type == WorkoutType.Tempo) >= quality || _qualityDates.Contains(date.AddDays(-1)) || _qualityDates.Contains(date.AddDays(1)))
                {
                    continue;
                }

                if (Ceiling(date, qualityCeiling, longRide: false) is { } ceiling)
                {
                    slots.Add(new Slot(date, _qualityTypes[_qualityDates.Count(d => dates.Contains(d)) % _qualityTypes.Length], 1, ceiling));
                    _qualityDates.Add(date);
                    open.Remove(date);
                    count--;
                }
            }

            // Easy days away from the quality days where there is a choice.
            foreach (var date in open.OrderBy(d => _qualityDates.Contains(d.AddDays(-1)) || _qualityDates.Contains(d.AddDays(1)) ? 1 : 0)
                         .ThenBy(d => Array.IndexOf(EasyPreference, d.DayOfWeek)).Take(Math.Max(0, count)))
            {
                if (Ceiling(date, EnduranceCeiling, longRide: false) is { } ceiling)
                {
                    slots.Add(new Slot(date, WorkoutType.Endurance, 1, ceiling));
                }
            }

            return slots;
        }

        /// <summary>
        /// Nothing on the event day or the day after, short recovery spins after that, and 60 % in the 7 days before it
        /// (no quality session was placed in the last 2). Whole minutes; null when under 20 min.
        /// </summary>
        private (DateOnly Date, WorkoutType Type, int Seconds)? AroundEvent(Slot slot, double seconds)
        {
            var (date, type) = (slot.Date, slot.Type);
            if (_event is { } e && date >= e.Date)
            {
                if (date < e.Date.AddDays(2))
                {
                    return null;
                }

                type = WorkoutType.Recovery;
                seconds = Math.Min(seconds, Ceiling(date, RecoverySpinCeiling, longRide: false) ?? 0);
            }

            var whole = (int)(InTaper(date) ? seconds * TaperShare : seconds) / 60 * 60;
            return whole >= WorkoutLibrary.MinimumSeconds ? (date, type, whole) : null;
        }

        /// <summary>The session's ceiling: the coach's own or the day's cap; null when that leaves under 20 min.</summary>
        private int? Ceiling(DateOnly date, int coach, bool longRide)
        {
            var ceiling = Math.Min(coach, _rules.DayCapSeconds(date.DayOfWeek, longRide) ?? int.MaxValue);
            return ceiling >= WorkoutLibrary.MinimumSeconds ? ceiling : null;
        }

        private bool InTaper(DateOnly date) => _event is { } e && date >= e.Date.AddDays(-7) && date < e.Date;

        /// <summary>
        /// Shares the week's seconds by weight, filling each session at most to its ceiling and handing the rest to the
        /// others, so the week never exceeds its target.
        /// </summary>
        private static List<(Slot Slot, double Seconds)> Allocate(List<Slot> slots, double seconds)
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

            return slots.Select(s => (s, shares[s])).ToList();
        }

        private double Bound(double hours) => WithinRules(Math.Min(hours, context.Goals.WeeklyHours ?? double.MaxValue));

        /// <summary>The minimum is a wish, the maximum a rule: the maximum wins when they disagree.</summary>
        private double WithinRules(double hours) => Math.Min(Math.Max(hours, _rules.MinHoursPerWeek ?? 0), _rules.MaxHoursPerWeek ?? double.MaxValue);
    }

    private static DayOfWeek? LongRideDay(RuleSet rules) =>
        new DayOfWeek?[] { rules.LongRideDay, DayOfWeek.Saturday, DayOfWeek.Sunday }.FirstOrDefault(d => d is { } day && rules.IsRidingDay(day));

    private static WorkoutType[] QualityTypes(string? focus) => focus?.ToLowerInvariant() switch
    {
        { } f when f.Contains("threshold") || f.Contains("ftp") => [WorkoutType.Threshold],
        { } f when f.Contains("sweet") => [WorkoutType.SweetSpot],
        { } f when f.Contains("vo2") => [WorkoutType.Vo2Max],
        { } f when f.Contains("tempo") => [WorkoutType.Tempo],
        _ => [WorkoutType.SweetSpot, WorkoutType.Threshold],
    };
}
