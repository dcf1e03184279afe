using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Domain.Analyses;

/// <summary>A day after the ride that must carry no hard session, and why.</summary>
/// <param name="MayMove">The hard session may move to a later free day of its week instead of being eased (not when the ride itself was the hard session it replaces).</param>
/// <param name="Recovery">Eased to a recovery spin rather than an endurance ride (fatigue).</param>
public sealed record EasyDay(DateOnly Date, string Because, IReadOnlyList<string> Cites, bool MayMove, bool Recovery);

/// <summary>What a ride requires of the plan ahead (coaching.md §5): the days that must be easy, and whether the rider is fatigued.</summary>
/// <param name="Claims">What the coach says about it, each citing its numbers.</param>
public sealed record ReactionNeeds(IReadOnlyList<EasyDay> EasyDays, bool Fatigued, IReadOnlyList<CoachClaim> Claims)
{
    public static ReactionNeeds None { get; } = new([], false, []);
}

/// <summary>
/// How a coach reacts to a ride, for both engines: <see cref="Assess"/> says what the plan ahead must become (from the
/// facts alone), <see cref="Suggest"/> is the built-in coach's way to get there (typed plan operations), and
/// <see cref="Problems"/> checks any engine's suggestions against it (<see cref="FeedbackValidator"/>).
/// <list type="bullet">
/// <item>Unplanned load: when the day's TSS (all its rides) needs more easy days on Coggan's scale than the planned
/// load did, the next 1–3 days carry no hard session; a hard session there moves to a later free day of its week when
/// the spacing and the rules allow, else it is ridden easy. Volume is never "repaid": only those days change.</item>
/// <item>An unplanned ride at IF ≥ 0.85 (on a rest or easy day, or beside the day's planned session) was the hard
/// session: the next hard day within 3 days is ridden easy, not moved (moving would add the intensity back).</item>
/// <item>Fatigue: TSB going into the ride below −30, or TSB/CTL below −0.4 → the next 2 days easy (recovery), 3 while
/// the plan projects TSB at −20 or below, and no suggestion may add a hard session on a day projected at −20 or
/// lower. (The ride's own load is the first rule's: a single big day is not counted twice.)</item>
/// </list>
/// A ride held for implausible data (<see cref="AnalysisFacts.LoadHeld"/>) requires nothing: its load is not trusted.
/// </summary>
public static class Reactions
{
    /// <summary>What the ride requires; without a plan only the claims (there are no days to keep easy).</summary>
    public static ReactionNeeds Assess(AnalysisFacts facts, TrainingPlan? plan)
    {
        if (facts.LoadHeld)
        {
            return ReactionNeeds.None;
        }

        var days = new Dictionary<DateOnly, EasyDay>();
        var claims = new List<CoachClaim>();
        void Need(DateOnly date, string because, IReadOnlyList<string> cites, bool mayMove, bool recovery)
        {
            if (plan?.Day(date) is null)
            {
                return;
            }

            days[date] = days.TryGetValue(date, out var had)
                ? had with { MayMove = had.MayMove && mayMove, Recovery = had.Recovery || recovery }
                : new EasyDay(date, because, cites, mayMove, recovery);
        }

        if (facts is { DayTss: { } dayTss, UnplannedTss: > 0 and var unplanned }
            && EasyDaysAfter(dayTss) is var easy and > 0 && easy > EasyDaysAfter(facts.Planned?.TargetTss ?? 0))
        {
            var because = $"the day's TSS of {dayTss:0} ({unplanned:0} of it unplanned) {Scale(dayTss)}";
            claims.Add(new CoachClaim($"A big unplanned day: {Capital(because)}, so the next {Days(easy)} carry no hard session.", ["dayTss", "unplannedTss"]));
            for (var d = 1; d <= easy; d++)
            {
                Need(facts.Date.AddDays(d), because, ["dayTss", "unplannedTss"], mayMove: true, recovery: false);
            }
        }

        if (facts.IntensityFactor is >= HardRideIntensityFactor and var intensity && IsUnplannedRide(facts))
        {
            claims.Add(new CoachClaim(
                $"An unplanned ride at IF {intensity:0.00} counts as a hard session (IF {HardRideIntensityFactor:0.00} and above).", ["intensityFactor"]));
            var next = Enumerable.Range(1, HardRideLookaheadDays).Select(d => facts.Date.AddDays(d)).FirstOrDefault(d => plan is not null && HardOn(plan, d));
            if (next != default)
            {
                Need(next, $"this unplanned ride at IF {intensity:0.00} was the hard session", ["intensityFactor"], mayMove: false, recovery: false);
            }
        }

        // Fatigue is the form the rider rode into (what the rides before left); the ride's own load is the rule above.
        var fatigued = facts.Tsb < FatiguedTsb || facts.TsbToCtl < FatiguedTsbToCtl;
        if (fatigued)
        {
            string[] cites = facts.TsbToCtl is null ? ["tsb", "ctl"] : ["tsb", "tsbToCtl", "ctl"];
            var because = $"TSB going into this ride was {facts.Tsb:0} (CTL {facts.Ctl:0}" + (facts.TsbToCtl is { } ratio ? $", {ratio:0.00} of CTL" : "") + ")";
            var fatigueDays = plan is not null && ProjectedTsbInto(plan, facts, facts.Date.AddDays(FatigueEasyDaysMax)) <= RecoveredTsb ? FatigueEasyDaysMax : FatigueEasyDaysMin;
            claims.Add(new CoachClaim(
                $"Fatigue is high: {because}; below {FatiguedTsb:0} (or {FatiguedTsbToCtl:0.0} × CTL) the next {fatigueDays} days are easy, "
                + $"and no new hard session comes before TSB is back above {RecoveredTsb:0}.", cites));
            for (var d = 1; d <= fatigueDays; d++)
            {
                Need(facts.Date.AddDays(d), because, cites, mayMove: true, recovery: true);
            }
        }

        return new ReactionNeeds([.. days.Values.OrderBy(d => d.Date)], fatigued, claims);
    }

    /// <summary>The built-in coach's operations for <paramref name="needs"/>: move a hard session out of the easy days when it can, else ease it.</summary>
    public static IReadOnlyList<PlanSuggestion> Suggest(ReactionNeeds needs, AnalysisContext context)
    {
        if (context.Plan is not { } plan || needs.EasyDays.Count == 0)
        {
            return [];
        }

        var suggestions = new List<PlanSuggestion>();
        foreach (var need in needs.EasyDays)
        {
            if (plan.Day(need.Date) is not { } day || Hardest(day) is not { } hard)
            {
                continue;
            }

            var (op, text) = need.MayMove && MoveTarget(plan, need.Date, needs, context) is { } target
                ? (plan.Day(target)!.IsRest
                    ? new PlanOperation(PlanOperationKind.Move, need.Date, target)
                    : new PlanOperation(PlanOperationKind.Swap, need.Date, target),
                    $"Move {need.Date:ddd d MMM}'s {hard.Name} to {target:ddd d MMM}, keeping an easy day either side: {need.Because}.")
                : Ease(day, hard, need);
            var applied = PlanOperationApplier.Apply(plan, op);
            if (applied.Succeeded)
            {
                plan = applied.Plan;
                suggestions.Add(new PlanSuggestion(op, text, need.Cites));
            }
        }

        return suggestions;
    }

    /// <summary>What <paramref name="feedback"/>'s suggestions leave undone of the reactions the ride requires (empty when none).</summary>
    public static IReadOnlyList<string> Problems(CoachFeedback feedback, AnalysisFacts facts, TrainingPlan? plan)
    {
        var needs = Assess(facts, plan);
        if (plan is null || (needs.EasyDays.Count == 0 && !needs.Fatigued))
        {
            return [];
        }

        var applied = PlanOperationApplier.ApplyAll(plan, feedback.Suggestions.Select(s => s.Operation));
        if (!applied.Succeeded)
        {
            return []; // the applicability check reports it
        }

        var after = applied.Plan;
        var problems = needs.EasyDays
            .Where(need => HardOn(after, need.Date))
            .Select(need => $"Required reaction missing: {need.Date:yyyy-MM-dd} ({need.Date:dddd}) must carry no hard session because {need.Because}; "
                + "ease it (changeIntensity to endurance or recovery) or move it to a later free day of its week.")
            .ToList();
        if (needs.Fatigued)
        {
            problems.AddRange(after.Days
                .Where(d => d.Date > facts.Date && HardOn(after, d.Date) && !HardOn(plan, d.Date))
                .Select(d => (d.Date, Tsb: ProjectedTsbInto(after, facts, d.Date)))
                .Where(d => d.Tsb <= RecoveredTsb)
                .Select(d => $"A suggestion adds a hard session on {d.Date:yyyy-MM-dd} while TSB is projected at {d.Tsb:0}; no new hard session until TSB is above {RecoveredTsb:0}."));
        }

        return problems;
    }

    /// <summary>
    /// The form going into <paramref name="date"/>: the ride day's CTL and ATL carried forward through the plan's
    /// planned TSS with the PMC's time constants (what the fitness chart projects, with the default constants).
    /// </summary>
    public static double ProjectedTsbInto(TrainingPlan plan, AnalysisFacts facts, DateOnly date) => ProjectedTsbInto(plan, facts.Date, facts.Ctl, facts.Atl, date);

    /// <param name="day">The day <paramref name="ctl"/> and <paramref name="atl"/> are from (its load included).</param>
    public static double ProjectedTsbInto(TrainingPlan plan, DateOnly day, double ctl, double atl, DateOnly date)
    {
        for (var d = day.AddDays(1); d < date; d = d.AddDays(1))
        {
            var tss = plan.Day(d)?.Workouts.Sum(w => w.TargetTss) ?? 0;
            ctl += (tss - ctl) * (1 - Math.Exp(-1 / CtlDays));
            atl += (tss - atl) * (1 - Math.Exp(-1 / AtlDays));
        }

        return ctl - atl;
    }

    /// <summary>The day has a hard session (sweet spot and above).</summary>
    public static bool HardOn(TrainingPlan plan, DateOnly date) => plan.Day(date)?.Workouts.Any(w => w.Type.IsHard()) == true;

    /// <summary>Whether <paramref name="after"/> breaks a rule <paramref name="before"/> kept (the validator's errors, by code and day).</summary>
    public static bool BreaksRules(TrainingPlan before, TrainingPlan after, RuleSet rules)
    {
        static HashSet<(string, DateOnly?, int?)> Errors(TrainingPlan plan, RuleSet rules) =>
            [.. PlanValidator.Validate(plan, rules).Where(v => v.Severity == ViolationSeverity.Error).Select(v => (v.Code, v.Date, v.Week))];
        var had = Errors(before, rules);
        return Errors(after, rules).Any(e => !had.Contains(e));
    }

    /// <summary>A day that is rest or easy (recovery or endurance; a long ride keeps its place).</summary>
    public static bool IsFree(PlanDay day) => day.Workouts.All(w => w.Type is WorkoutType.Recovery or WorkoutType.Endurance);

    /// <summary>Rest days, rides beside a session already ridden, and rides on easy days are unplanned hard work when hard.</summary>
    private static bool IsUnplannedRide(AnalysisFacts facts) => facts.PlannedRestDay
        || facts.Planned is { } planned && (!planned.Type.IsHard() || facts.EarlierTssThatDay >= BuiltInAnalyzer.PoorCompliancePercent / 100 * planned.TargetTss);

    /// <summary>
    /// A later day of the hard session's week, after every easy day, that is free on a riding day — a rest day, or an
    /// easy ride no longer than the session (swapped into the easy day, it must not add volume there) — keeps an easy
    /// day either side once the session is there, breaks no rule, and — for a fatigued rider — is projected above TSB −20.
    /// </summary>
    private static DateOnly? MoveTarget(TrainingPlan plan, DateOnly from, ReactionNeeds needs, AnalysisContext context)
    {
        var lastEasy = needs.EasyDays.Max(n => n.Date);
        var week = plan.Weeks.First(w => w.Days.Any(d => d.Date == from));
        var length = plan.Day(from)!.DurationSeconds;
        foreach (var day in week.Days.Where(d => d.Date > lastEasy && IsFree(d) && d.DurationSeconds <= length && context.Rules.AllowsSessionOn(d.Date)))
        {
            var op = day.IsRest ? new PlanOperation(PlanOperationKind.Move, from, day.Date) : new PlanOperation(PlanOperationKind.Swap, from, day.Date);
            if (PlanOperationApplier.Apply(plan, op) is { Succeeded: true, Plan: var after }
                && !HardOn(after, day.Date.AddDays(-1)) && !HardOn(after, day.Date.AddDays(1))
                && (!needs.Fatigued || ProjectedTsbInto(after, context.Facts, day.Date) > RecoveredTsb)
                && !BreaksRules(plan, after, context.Rules))
            {
                return day.Date;
            }
        }

        return null;
    }

    /// <summary>The hard session ridden easy at the same length: the day's only change when its longest session is the hard one, else the day becomes one easy ride of its length.</summary>
    private static (PlanOperation, string) Ease(PlanDay day, PlannedWorkout hard, EasyDay need)
    {
        var type = need.Recovery ? WorkoutType.Recovery : WorkoutType.Endurance;
        var what = need.Recovery ? "a recovery spin" : "an endurance ride";
        var op = day.Workouts.MaxBy(w => w.DurationSeconds) == hard
            ? new PlanOperation(PlanOperationKind.ChangeIntensity, day.Date, WorkoutType: type)
            : new PlanOperation(PlanOperationKind.Replace, day.Date, Workout: WorkoutLibrary.Build(type, day.DurationSeconds));
        return (op, $"Ride {day.Date:ddd d MMM}'s {hard.Name} as {what} of the same length: {need.Because}.");
    }

    private static PlannedWorkout? Hardest(PlanDay day) => day.Workouts.Where(w => w.Type.IsHard()).MaxBy(w => w.Type);

    private static string Scale(double dayTss) => dayTss switch
    {
        > SeveralDayFatigueTss => $"is above {SeveralDayFatigueTss:0}: fatigue lasts several days (Coggan)",
        >= TwoDayFatigueTss => $"is {TwoDayFatigueTss:0}–{SeveralDayFatigueTss:0}: fatigue remains even after 2 days (Coggan)",
        _ => $"is {ResidualFatigueTss:0}–{TwoDayFatigueTss:0}: some fatigue remains into the next day (Coggan)",
    };

    private static string Days(int n) => n == 1 ? "day" : $"{n} days";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
