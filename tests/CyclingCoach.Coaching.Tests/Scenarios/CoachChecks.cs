using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>One thing a coach would object to, under the name of the check that found it.</summary>
public sealed record Finding(string Check, string Message)
{
    public override string ToString() => $"[{Check}] {Message}";
}

/// <summary>
/// What a coach checks in a 4-week plan for a rider, written from research/coaching.md's numbers — not from the
/// coach's own constants or helpers, so a wrong constant there shows up here. The PMC is computed here too, from the
/// rider's rides: CTL and ATL as 42- and 7-day exponentially weighted averages of daily TSS (§1, GoldenCheetah's form),
/// TSB going into a day = yesterday's CTL − ATL.
/// </summary>
public static class CoachChecks
{
    // §1 Load: a week raising CTL by r holds ≈ 7·(CTL + 6.5·r) TSS; planned ramp ≤ 5 CTL/week (≤ 4 for a new rider,
    // the low-risk band under CTL 45), never a 7-day rise over 8; week 1 ≤ 1.10 × the biggest of the last 4 weeks.
    private const double CtlDays = 42, AtlDays = 7;
    private const double Ramp = 5, CautiousRamp = 4, HardRamp = 8, RampSlack = 0.5;
    private const double WeekRise = 1.10, RiseSlack = 1.03;

    // "Never plan a rider below their current fitness without saying why": a week under what CTL holds (7·CTL).
    private const double Detraining = 0.95;

    // §2: a recovery week every 3–4 weeks at 50–65 % of the build weeks, nothing above tempo.
    private const double RecoveryLow = 0.50, RecoveryHigh = 0.65, RecoverySlack = 0.05;

    // §3: ≥ 75 % of weekly time under 75 % FTP; hard (sweet spot and above) 1 with < 4 sessions or CTL < 30, 2 with
    // 4–6 sessions, 3 with ≥ 7 at CTL ≥ 60; the rider's own rules override.
    private const double EasyCeiling = 0.75, EasyShare = 0.75;

    // §4: A taper: last 7 days at 40–60 % of the pre-taper volume, 1–2 short race-intensity sessions, nothing hard in
    // the 48 h before an A/B event; race-day TSB +5..+25; the taper costs at most 10 % of CTL.
    private const double TaperLow = 0.40, TaperHigh = 0.60, TaperSlack = 0.05;
    private const double TsbLow = 5, TsbHigh = 25, CtlLoss = 0.10;

    // The "use the available days before lengthening sessions": a session of about 45 min is worth a day.
    private const double UsefulSessionHours = 0.75;

    // A rider whose fitness is all but gone (months off) restarts like a new one: at least the WHO's 150–300 min of
    // moderate activity a week, 2.5–6 h, whatever little CTL is left (issue 17's "never below current fitness" is no
    // help at CTL 3: 7·CTL is one short ride).
    private const double RestartLowHours = 2.5, RestartTss = 150;

    public static IReadOnlyList<string> Names =>
        ["start", "ramp", "rise", "recovery", "easy", "hard", "days", "caps", "detraining", "taper", "events"];

    public static IReadOnlyList<Finding> Check(Rider rider, TrainingPlan plan)
    {
        var findings = new List<Finding>();
        void Fail(string check, string message) => findings.Add(new Finding(check, message));

        var rules = rider.Rules;
        var weeks = plan.Weeks;
        var rides = rider.History.Rides;
        var isNew = rides.Count == 0;
        var (ctl, atl) = Pmc(rides, plan.StartDate.AddDays(-1));
        var history = Enumerable.Range(1, 4).Reverse().Select(k => WeekTss(rides, plan.StartDate.AddDays(-7 * k))).ToList();
        var lastRide = rides.Count > 0 ? rides.Max(r => r.Date) : (DateOnly?)null;
        var returning = lastRide is { } last && plan.StartDate.DayNumber - last.DayNumber > 10;
        if (isNew)
        {
            // §1: a new rider is seeded at hours × 50–75 TSS/h, here the plan's first week at the low end (for the ramp
            // and the hard sessions; there is no fitness to detrain from).
            ctl = atl = Hours(weeks[0]) * 50 / 7;
        }

        var restart = returning && 7 * ctl < RestartTss;
        if (restart)
        {
            ctl = Math.Max(ctl, RestartTss / 7); // as seeded for a new rider at the restart's hours (the ramp and the rise count from there)
        }

        var ramp = isNew || returning || ctl < 45 && rides.Count > 0 && rides.Min(r => r.Date).DayNumber > plan.StartDate.DayNumber - 42 ? CautiousRamp : Ramp;
        var daily = plan.Days.Select(d => d.Workouts.Sum(w => w.TargetTss)).ToList();
        var series = Project(ctl, atl, daily);

        // Start: week 1 from recent load, neither below what fitness holds nor above the 10 % rise.
        var first = weeks[0];
        var recentMax = Math.Max(history.Max(), 7 * ctl);
        if (!isNew && Tss(first) > WeekRise * RiseSlack * recentMax)
        {
            Fail("start", $"week 1 holds {Tss(first):0} TSS, over 1.10 × the biggest recent week ({recentMax:0})");
        }

        if (isNew && Hours(first) > 6)
        {
            Fail("start", $"a rider with no history starts at {Hours(first):0.#} h; a cautious coach starts around 5 h");
        }

        var allowed = Math.Min(rules.MaxHoursPerWeek ?? double.MaxValue, rider.Goals.WeeklyHours ?? double.MaxValue);
        if (restart && Hours(first) < Math.Min(RestartLowHours, allowed))
        {
            Fail("start", $"a rider back from a long break (CTL {ctl:0}) starts at {Hours(first):0.#} h; a coach restarts them at 2.5–6 h of easy riding");
        }

        for (var i = 0; i < weeks.Count; i++)
        {
            var week = weeks[i];
            var n = i + 1;
            var ctlStart = i == 0 ? ctl : series[i * 7 - 1].Ctl;
            var rise = series[i * 7 + 6].Ctl - ctlStart;
            if (rise > ramp + RampSlack || rise > HardRamp)
            {
                Fail("ramp", $"week {n} raises CTL by {rise:0.0}; at most {ramp:0} planned");
            }

            var before = history.Concat(weeks.Take(i).Select(Tss)).TakeLast(4).Max();
            if (i > 0 && Tss(week) > WeekRise * RiseSlack * Math.Max(before, 7 * ctlStart))
            {
                Fail("rise", $"week {n} holds {Tss(week):0} TSS, over 1.10 × {Math.Max(before, 7 * ctlStart):0}");
            }

            var seconds = week.Days.Sum(d => d.DurationSeconds);
            var easy = week.Days.SelectMany(d => d.Workouts).Sum(w => EasySeconds(w));
            if (seconds > 0 && easy / seconds < EasyShare)
            {
                Fail("easy", $"week {n} is only {easy / seconds:P0} easy by time");
            }

            var sessions = week.Days.Sum(d => d.Workouts.Count);
            var races = week.Days.Count(d => rules.Events.Any(e => e.Date == d.Date && e.Priority == EventPriority.C));
            var hard = week.Days.Sum(d => d.Workouts.Count(IsHard)) + races;
            var allowedHard = rules.MaxHardSessionsPerWeek ?? (sessions + races < 4 || ctlStart < 30 ? 1 : sessions + races >= 7 && ctlStart >= 60 ? 3 : 2);
            if (hard > allowedHard)
            {
                Fail("hard", $"week {n} has {hard} hard sessions for {sessions} sessions at CTL {ctlStart:0}; at most {allowedHard}");
            }

            // Days before length: with a day to spare, no session but the long ride grows past twice a useful session.
            // Event days are not training days, nor (our coach's choice) the day after an A or B event.
            var open = week.Days.Count(d => Rideable(rules, d.Date) && !rules.Events.Any(e => e.Date == d.Date || e.Priority != EventPriority.C && e.Date == d.Date.AddDays(-1)));
            var others = week.Days.SelectMany(d => d.Workouts).Where(w => w.Type != WorkoutType.LongRide).ToList();
            if (sessions < Math.Min(open, 6) && others.Count > 0 && others.Average(w => w.DurationSeconds) / 3600.0 > 2 * UsefulSessionHours)
            {
                Fail("days", $"week {n} puts {seconds / 3600.0:0.#} h in {sessions} sessions of {others.Average(w => w.DurationSeconds) / 60:0} min with {open} days available");
            }

            Caps(rider, week, n, Fail);

            var lighter = week.Phase is PlanPhase.Recovery or PlanPhase.Taper or PlanPhase.Race or PlanPhase.Transition;
            if (lighter && !SaysWhy(week.Focus))
            {
                Fail("detraining", $"week {n} is a {week.Phase} week whose focus does not say why: \"{week.Focus}\"");
            }

            var holds = 7 * ctlStart;
            if (!isNew && !lighter && !NearEvent(rules, week) && Tss(week) < Detraining * holds
                && !(plan.Notes?.Contains("caps", StringComparison.OrdinalIgnoreCase) == true && AtCaps(rider, week)))
            {
                Fail("detraining", $"week {n} holds {Tss(week):0} TSS, under the {holds:0} CTL {ctlStart:0} holds, without saying why");
            }
        }

        Recovery(plan, history, Fail);
        foreach (var goal in rules.Events.Where(e => e.Priority == EventPriority.A && e.Date.AddDays(-7) >= plan.StartDate && e.Date <= plan.EndDate.AddDays(1)))
        {
            Taper(rider, plan, goal, series, ctl, Fail);
        }

        foreach (var e in rules.Events.Where(e => e.Date >= plan.StartDate && e.Date <= plan.EndDate))
        {
            if (plan.Day(e.Date)!.Event?.Name != e.Name)
            {
                Fail("events", $"{e.Name} on {e.Date:yyyy-MM-dd} is not shown on the plan");
            }

            if (e.Priority != EventPriority.C && plan.Days.Any(d => d.Date >= e.Date.AddDays(-2) && d.Date < e.Date && d.Workouts.Any(IsHard)))
            {
                Fail("events", $"a hard session in the 48 h before {e.Name}");
            }
        }

        return findings;
    }

    private static void Recovery(TrainingPlan plan, List<double> history, Action<string, string> fail)
    {
        var weeks = plan.Weeks;
        var build = weeks.Where(w => w.Phase is PlanPhase.Build or PlanPhase.Base).Select(Tss).DefaultIfEmpty(history.Average()).Average();
        bool Light(PlanWeek w) => Tss(w) <= (RecoveryHigh + RecoverySlack) * build && !w.Days.Any(d => d.Workouts.Any(IsHard))
                                  || w.Phase is PlanPhase.Taper or PlanPhase.Race or PlanPhase.Transition;
        if (weeks.Count >= 4 && !weeks.Any(Light))
        {
            fail("recovery", $"no lighter week in {weeks.Count} weeks (build weeks {build:0} TSS)");
        }

        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i].Phase != PlanPhase.Recovery)
            {
                continue;
            }

            var before = history.Concat(weeks.Take(i).Where(w => w.Phase is PlanPhase.Build or PlanPhase.Base).Select(Tss)).TakeLast(3).Average();
            var share = Tss(weeks[i]) / before;
            if (share < RecoveryLow - RecoverySlack || share > RecoveryHigh + RecoverySlack)
            {
                fail("recovery", $"recovery week {i + 1} holds {share:P0} of the build weeks before it; 50–65 %");
            }

            if (weeks[i].Days.Any(d => d.Workouts.Any(IsHard)))
            {
                fail("recovery", $"recovery week {i + 1} has a hard session; nothing above tempo");
            }
        }
    }

    private static void Taper(Rider rider, TrainingPlan plan, TargetEvent goal, IReadOnlyList<(double Ctl, double Atl)> series, double ctl, Action<string, string> fail)
    {
        var last = plan.Days.Where(d => d.Date >= goal.Date.AddDays(-7) && d.Date < goal.Date).ToList();
        var taperStart = goal.Date.AddDays(-14);
        var preTaper = Enumerable.Range(1, 3).Select(k => HoursBetween(rider, plan, taperStart.AddDays(-7 * k), taperStart.AddDays(-7 * k + 6))).Average();
        var share = last.Sum(d => d.DurationSeconds) / 3600.0 / preTaper;
        if (share < TaperLow - TaperSlack || share > TaperHigh + TaperSlack)
        {
            fail("taper", $"the last 7 days before {goal.Name} hold {share:P0} of the pre-taper {preTaper:0.#} h; 40–60 %");
        }

        var openers = last.Count(d => d.Workouts.Any(w => IsHard(w) && w.DurationSeconds <= 60 * 60));
        if (openers is < 1 or > 2)
        {
            fail("taper", $"{openers} short race-intensity sessions in the last 7 days before {goal.Name}; 1–2");
        }

        var index = goal.Date.DayNumber - plan.StartDate.DayNumber; // TSB going into the event: the day before's CTL − ATL
        var into = series[index - 1];
        var tsb = into.Ctl - into.Atl;
        if (tsb is < TsbLow or > TsbHigh)
        {
            fail("taper", $"race-day TSB {tsb:+0.0;-0.0} for {goal.Name}; +5..+25");
        }

        var atTaper = index - 15 >= 0 ? series[index - 15].Ctl : ctl;
        if (into.Ctl < (1 - CtlLoss) * atTaper)
        {
            fail("taper", $"the taper takes CTL from {atTaper:0.0} to {into.Ctl:0.0}; at most 10 % lost");
        }
    }

    private static void Caps(Rider rider, PlanWeek week, int n, Action<string, string> fail)
    {
        var rules = rider.Rules;
        var hours = Hours(week);
        if (hours > (rules.MaxHoursPerWeek ?? double.MaxValue) + 0.01 || hours > (rider.Goals.WeeklyHours ?? double.MaxValue) + 0.01)
        {
            fail("caps", $"week {n} holds {hours:0.##} h over the weekly cap");
        }

        foreach (var day in week.Days.Where(d => d.Workouts.Count > 0))
        {
            if (!Rideable(rules, day.Date) || rules.Events.Any(e => e.Date == day.Date && e.Priority != EventPriority.C))
            {
                fail("caps", $"a session on {day.Date:ddd yyyy-MM-dd}, which is not a day to train");
            }

            var cap = DayCap(rules, day);
            if (cap is { } c && day.DurationSeconds / 3600.0 > c + 0.01)
            {
                fail("caps", $"{day.Date:ddd yyyy-MM-dd} holds {day.DurationSeconds / 3600.0:0.##} h over its {c} h cap");
            }
        }
    }

    private static double? DayCap(RuleSet rules, PlanDay day)
    {
        var longRide = day.Workouts.Any(w => w.Type == WorkoutType.LongRide);
        if ((rules.LongRideDay is { } d ? d == day.Date.DayOfWeek : longRide) && rules.LongRideMaxHours is { } l)
        {
            return l;
        }

        return rules.DayCaps.LastOrDefault(c => c.Day == day.Date.DayOfWeek)?.MaxHours ?? rules.MaxHoursPerDay;
    }

    /// <summary>Within 5 % of the most the rider's caps let the week hold (weekly cap, goal hours, day caps of its riding days).</summary>
    private static bool AtCaps(Rider rider, PlanWeek week)
    {
        var rules = rider.Rules;
        var days = week.Days.Where(d => Rideable(rules, d.Date)).Sum(d => DayCap(rules, d with { Workouts = rules.LongRideDay == d.Date.DayOfWeek ? [WorkoutLibrary.Build(WorkoutType.LongRide, 3600)] : [] }) ?? 24);
        var most = new[] { days, rules.MaxHoursPerWeek ?? double.MaxValue, rider.Goals.WeeklyHours ?? double.MaxValue }.Min();
        return Hours(week) >= 0.95 * most;
    }

    private static bool Rideable(RuleSet rules, DateOnly date) =>
        !rules.RestDays.Contains(date.DayOfWeek) && (rules.AvailableDays is null || rules.AvailableDays.Contains(date.DayOfWeek)) && !rules.BlackoutDates.Any(b => b.Contains(date));

    /// <summary>A week touched by an event's taper, race or reduction (A within 14 days ahead or 7 behind, B within 4 ahead).</summary>
    private static bool NearEvent(RuleSet rules, PlanWeek week) => rules.Events.Any(e => week.Days.Any(d =>
        e.Date.DayNumber - d.Date.DayNumber is var ahead && (e.Priority == EventPriority.A ? ahead is >= -7 and <= 14 : e.Priority == EventPriority.B && ahead is >= -1 and <= 4)));

    private static bool SaysWhy(string focus) =>
        new[] { "recovery", "taper", "race", "transition", "break" }.Any(w => focus.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Sweet spot and above (coaching.md §3).</summary>
    private static bool IsHard(PlannedWorkout w) => w.Type is WorkoutType.SweetSpot or WorkoutType.Threshold or WorkoutType.Vo2Max or WorkoutType.Anaerobic or WorkoutType.Sprint;

    /// <summary>Seconds under 75 % FTP, from the steps: ramps by the share under the line, steady by their power, intervals on and off apart.</summary>
    private static double EasySeconds(PlannedWorkout w) => w.Steps.Sum(s => s.Kind switch
    {
        StepKind.Intervals => s.Repeat * ((s.PowerHigh < EasyCeiling + 1e-9 ? s.DurationSeconds : 0) + (s.OffPower < EasyCeiling + 1e-9 ? s.OffDurationSeconds : 0)),
        StepKind.Steady => s.PowerHigh < EasyCeiling + 1e-9 ? s.DurationSeconds : 0,
        _ => s.DurationSeconds * Math.Clamp((EasyCeiling - Math.Min(s.PowerLow, s.PowerHigh)) / Math.Max(1e-9, Math.Abs(s.PowerHigh - s.PowerLow)), 0, 1),
    });

    public static double Tss(PlanWeek week) => week.Days.SelectMany(d => d.Workouts).Sum(w => w.TargetTss);

    public static double Hours(PlanWeek week) => week.Days.Sum(d => d.DurationSeconds) / 3600.0;

    private static double WeekTss(IReadOnlyList<(DateOnly Date, double Hours, double Tss)> rides, DateOnly from) =>
        rides.Where(r => r.Date >= from && r.Date < from.AddDays(7)).Sum(r => r.Tss);

    private static double HoursBetween(Rider rider, TrainingPlan plan, DateOnly from, DateOnly to) =>
        rider.History.Rides.Where(r => r.Date >= from && r.Date <= to).Sum(r => r.Hours)
        + plan.Days.Where(d => d.Date >= from && d.Date <= to).Sum(d => d.DurationSeconds) / 3600.0;

    /// <summary>CTL and ATL after <paramref name="day"/>, from the first ride.</summary>
    public static (double Ctl, double Atl) Pmc(IReadOnlyList<(DateOnly Date, double Hours, double Tss)> rides, DateOnly day)
    {
        if (rides.Count == 0)
        {
            return (0, 0);
        }

        double ctl = 0, atl = 0;
        for (var d = rides.Min(r => r.Date); d <= day; d = d.AddDays(1))
        {
            var load = rides.Where(r => r.Date == d).Sum(r => r.Tss);
            ctl += (load - ctl) * (1 - Math.Exp(-1 / CtlDays));
            atl += (load - atl) * (1 - Math.Exp(-1 / AtlDays));
        }

        return (ctl, atl);
    }

    /// <summary>CTL and ATL after each planned day.</summary>
    public static IReadOnlyList<(double Ctl, double Atl)> Project(double ctl, double atl, IEnumerable<double> daily)
    {
        var series = new List<(double, double)>();
        foreach (var load in daily)
        {
            ctl += (load - ctl) * (1 - Math.Exp(-1 / CtlDays));
            atl += (load - atl) * (1 - Math.Exp(-1 / AtlDays));
            series.Add((ctl, atl));
        }

        return series;
    }
}
