using CyclingCoach.Coaching.Domain.Courses;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Rules;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>
/// The coach's judgement of a generated plan, beside the rules' <see cref="PlanValidator"/> and in its terms
/// (<see cref="PlanViolation"/>): would a good coach sign this load for this rider? An error here refuses an engine's
/// plan exactly like a broken rule (an LLM plan then falls back to the built-in coach); a warning is stored with the
/// plan. Every number is a principle of <see cref="CoachingPrinciples"/>:
/// <list type="bullet">
/// <item>no empty plan or week while days are available;</item>
/// <item>no build week under what the rider's CTL holds (7·CTL, 5 % slack) unless the caps hold it there (a warning then);
/// lighter weeks only as recovery weeks after at least 2 build weeks, or taper, race and transition weeks around an
/// A/B event;</item>
/// <item>no week more than 10 % (+5 % slack) over the biggest of the 4 before it, no 7-day CTL rise over 8;</item>
/// <item>a lighter week (≤ 70 % of the build weeks) in every 4 weeks, never more than 5 build weeks in a row counting
/// the rider's history, nothing hard in a recovery week;</item>
/// <item>each week at least 75 % easy by time, hard sessions by sessions and CTL unless the rules say otherwise, and
/// no available day left free while the sessions besides the long ride average over 90 minutes;</item>
/// <item>before an A event inside the plan: the last 7 days at 40–60 % of the pre-taper volume (±5 %), 1–2 race
/// openers, a projected race-day TSB of +5..+25 and a taper costing at most 10 % of CTL.</item>
/// </list>
/// Rider-approved changes (analyses, chat, undo) are the rider's call and are not judged here.
/// </summary>
public static class PlanJudgement
{
    private const double TaperSlack = 0.05;

    /// <summary>An engine's plan repaired against the rules, then judged: what refuses it, and what is stored with it.</summary>
    public static PlanReview Review(TrainingPlan plan, PlanContext context)
    {
        var repaired = PlanValidator.Repair(plan, context.Rules);
        return new PlanReview(repaired, repaired.Accepted ? Judge(repaired.Plan, context) : []);
    }

    public static IReadOnlyList<PlanViolation> Judge(TrainingPlan plan, PlanContext context)
    {
        var rules = context.Rules;
        var season = new Season(rules);
        var start = LoadModel.Start(context with { StartDate = plan.StartDate });
        var violations = new List<PlanViolation>();
        var days = plan.Days.ToList();
        var open = days.Count(d => rules.AllowsSessionOn(d.Date) && rules.EventOn(d.Date) is null);
        if (days.All(d => d.Workouts.Count == 0))
        {
            if (open > 0)
            {
                violations.Add(Error(PlanViolationCodes.EmptyPlan, null, $"The plan has no session although {open} days are available."));
            }

            return violations;
        }

        var pmc = LoadModel.Project(start.Ctl, start.Atl, plan.StartDate, [.. days.Select(d => d.Workouts.Sum(w => w.TargetTss))]);
        var history = start.ReferenceWeeks.ToList();
        var buildMean = Mean(plan.Weeks.Where(w => !w.Phase.IsLighter()).Select(Tss), start.RecentWeekTss);
        var run = start.BuildWeeksDone;
        for (var i = 0; i < plan.Weeks.Count; i++)
        {
            var week = plan.Weeks[i];
            var n = i + 1;
            var tss = Tss(week);
            var ctlStart = i == 0 ? start.Ctl : pmc[i * 7 - 1].Ctl;
            var ctlEnd = pmc[i * 7 + 6].Ctl;
            var sessions = week.Days.Sum(d => d.Workouts.Count);
            var allowed = week.Days.Where(d => rules.AllowsSessionOn(d.Date) && rules.EventOn(d.Date) is null && season.TaperShare(d.Date) > 0).ToList();
            var aroundEvent = week.Days.Any(d => season.TaperShare(d.Date) < 1 || rules.EventOn(d.Date) is not null);

            if (sessions == 0 && allowed.Count > 0 && week.Phase != PlanPhase.Transition)
            {
                violations.Add(Error(PlanViolationCodes.EmptyWeek, n, $"Week {n} has no session although {allowed.Count} days are available."));
            }

            // What holds CTL, less what the events take out of the week (taper days, a B event's easier days, the event day).
            var holds = LoadModel.Holds(ctlStart) * week.Days.Sum(d => season.TaperShare(d.Date)) / 7;
            if (!week.Phase.IsLighter() && tss < MaintenanceTolerance * holds)
            {
                var message = $"Week {n} holds {tss:0} TSS, under the {holds:0} a CTL of {ctlStart:0} needs to hold{(aroundEvent ? " around its event" : "")}: it would detrain the rider";
                violations.Add(Seconds(week) >= AtCapShare * AllowedSeconds(week, rules, context.Goals)
                    ? Warning(PlanViolationCodes.AtCap, n, $"{message}, but the caps allow no more.")
                    : Error(PlanViolationCodes.BelowFitness, n, $"{message} without a reason (not a recovery, taper or transition week, not at the caps)."));
            }

            var biggest = Math.Max(history.TakeLast(4).DefaultIfEmpty(0).Max(), LoadModel.Holds(ctlStart));
            if (tss > WeekOverRecentMax * JumpTolerance * biggest)
            {
                violations.Add(Error(PlanViolationCodes.LoadJump, n, $"Week {n} holds {tss:0} TSS, {tss / biggest - 1:P0} over the biggest of the weeks before it ({biggest:0}); at most +10 % a week."));
            }

            if (ctlEnd - ctlStart > HardRampCap)
            {
                violations.Add(Error(PlanViolationCodes.Ramp, n, $"Week {n} raises CTL by {ctlEnd - ctlStart:0.#} (from {ctlStart:0} to {ctlEnd:0}); at most {HardRampCap:0} a week."));
            }

            // A recovery week comes after build weeks (Friel: after 2–5), not instead of them.
            if (week.Phase == PlanPhase.Recovery && run < MinBuildWeeksBeforeRecovery)
            {
                violations.Add(Error(PlanViolationCodes.LighterWeek, n, $"Week {n} is a recovery week after {run} build week{(run == 1 ? "" : "s")}: a recovery week follows 2–5 build weeks."));
            }

            if (week.Phase == PlanPhase.Transition && !season.Events.Any(e => e.Priority == EventPriority.A && week.Days[0].Date.DayNumber - e.Date.DayNumber is > 0 and <= 7))
            {
                violations.Add(Error(PlanViolationCodes.LighterWeek, n, $"Week {n} is a transition week but follows no A event."));
            }

            var light = tss <= LightWeekShare * buildMean;
            run = light || week.Phase.IsLighter() && aroundEvent ? 0 : run + 1;
            if (run > MostBuildWeeksInARow)
            {
                violations.Add(Error(PlanViolationCodes.NoRecoveryWeek, n, $"Week {n} is the {run}th build week in a row: a lighter week is due after 2–5 build weeks."));
            }

            if (week.Phase == PlanPhase.Recovery && week.Days.Any(d => PlanValidator.IsHard(d)))
            {
                violations.Add(Error(PlanViolationCodes.LighterWeek, n, $"Week {n} is a recovery week with a hard session: nothing above tempo."));
            }

            if (week.Phase is PlanPhase.Taper or PlanPhase.Race && !aroundEvent && !season.Events.Any(e => e.Priority != EventPriority.C && e.Date >= week.Days[0].Date && e.Date.DayNumber - week.Days[0].Date.DayNumber <= TaperDays + 7))
            {
                violations.Add(Error(PlanViolationCodes.LighterWeek, n, $"Week {n} is a {week.Phase.ToString().ToLowerInvariant()} week with no A or B event near it."));
            }

            // The days before length: a day left free while the sessions besides the long ride average over 90 minutes.
            var others = week.Days.SelectMany(d => d.Workouts).Where(w => w.Type != WorkoutType.LongRide).ToList();
            if (!week.Phase.IsLighter() && sessions < Math.Min(allowed.Count, MaxSessionsPerWeek) && others.Count > 0
                && others.Average(w => w.DurationSeconds) > 2 * ShortestUsefulSessionSeconds)
            {
                violations.Add(Error(PlanViolationCodes.DaysUnused, n, $"Week {n} puts its time in {sessions} sessions of {others.Average(w => w.DurationSeconds) / 60:0} min with {allowed.Count} days available: use the days before lengthening sessions."));
            }

            var seconds = Seconds(week);
            var easy = week.Days.SelectMany(d => d.Workouts).Sum(w => WorkoutSteps.SecondsAtOrBelow(w.Steps, EasyPowerCeiling));
            if (seconds > 0 && easy / seconds < MinEasyShare)
            {
                violations.Add(Error(PlanViolationCodes.EasyShare, n, $"Week {n} is {easy / seconds:P0} easy by time; at least {MinEasyShare:P0} should be under {EasyPowerCeiling:P0} FTP."));
            }

            // The rider's own maximum is the validator's rule; without one, sessions and CTL decide (a C event counted).
            var races = week.Days.Count(d => rules.HasCEventOn(d.Date));
            var hard = PlanValidator.HardSessions(week, rules);
            var most = HardSessionsFor(sessions + races, ctlStart);
            if (rules.MaxHardSessionsPerWeek is null && hard > most)
            {
                violations.Add(Error(PlanViolationCodes.HardSessionCount, n, $"Week {n} has {hard} hard sessions for {sessions} sessions at CTL {ctlStart:0}; {most} is the most that leaves the rest easy."));
            }

            history.Add(tss);
        }

        if (plan.Weeks.Count >= 4 && !Enumerable.Range(0, plan.Weeks.Count - 3).All(i => plan.Weeks.Skip(i).Take(4).Any(w => Tss(w) <= LightWeekShare * buildMean)))
        {
            violations.Add(Error(PlanViolationCodes.NoRecoveryWeek, null, $"No lighter week (at most {LightWeekShare:P0} of the {buildMean:0} TSS build weeks) in 4 weeks: a recovery week every 3–4 weeks."));
        }

        violations.AddRange(Tapers(plan, context, season, pmc, start));
        if (CourseViolation(plan, context, season) is { } course)
        {
            violations.Add(course);
        }
        return violations;
    }

    /// <summary>The A events whose last 7 days lie inside the plan: volume, openers, race-day form.</summary>
    private static IEnumerable<PlanViolation> Tapers(TrainingPlan plan, PlanContext context, Season season, Training.Science.PmcDay[] pmc, LoadStart start)
    {
        foreach (var goal in season.Events.Where(e => e.Priority == EventPriority.A && e.Date.AddDays(-7) >= plan.StartDate && e.Date <= plan.EndDate.AddDays(1)))
        {
            var last = plan.Days.Where(d => d.Date >= goal.Date.AddDays(-7) && d.Date < goal.Date).ToList();
            var before = plan.Weeks.Where(w => w.Days[^1].Date < goal.Date.AddDays(-TaperDays)).Select(w => Seconds(w) / 3600.0).ToList();
            var preTaper = before.Count > 0 ? before.TakeLast(3).Average() : context.Fitness.Weeks.TakeLast(3).Select(w => w.Hours).DefaultIfEmpty(SeedHours).Average();
            var share = last.Sum(d => d.DurationSeconds) / 3600.0 / preTaper;
            if (preTaper > 0 && (share < TaperLastWeekLow - TaperSlack || share > TaperLastWeekHigh + TaperSlack))
            {
                yield return Error(PlanViolationCodes.Taper, null, $"The 7 days before {goal.Name} hold {share:P0} of the {preTaper:0.#} h pre-taper weeks; a taper keeps 40–60 %.");
            }

            var openers = last.Count(d => PlanValidator.IsHard(d));
            if (openers is < 1 or > 2)
            {
                yield return Error(PlanViolationCodes.Taper, null, $"The 7 days before {goal.Name} hold {openers} race-intensity sessions; a taper keeps 1–2 short openers.");
            }

            var index = goal.Date.DayNumber - plan.StartDate.DayNumber;
            var into = pmc[Math.Min(index, pmc.Length - 1)];
            var tsb = index < pmc.Length ? into.Tsb : into.Ctl - into.Atl;
            if (tsb is < RaceTsbLow or > RaceTsbHigh)
            {
                yield return Error(PlanViolationCodes.RaceForm, null, $"Projected form going into {goal.Name} is TSB {tsb:+0;-0}; an A event wants +{RaceTsbLow:0} to +{RaceTsbHigh:0}.");
            }

            var taperStart = goal.Date.DayNumber - TaperDays - plan.StartDate.DayNumber - 1;
            var ctlBefore = taperStart >= 0 ? pmc[taperStart].Ctl : start.Ctl;
            var ctlAtRace = pmc[Math.Min(index, pmc.Length) - 1].Ctl;
            if (ctlAtRace < (1 - MaxTaperCtlLoss) * ctlBefore)
            {
                yield return Error(PlanViolationCodes.RaceForm, null, $"The taper takes CTL from {ctlBefore:0} to {ctlAtRace:0} ({1 - ctlAtRace / ctlBefore:P0}); at most {MaxTaperCtlLoss:P0}.");
            }
        }
    }

    /// <summary>The most the rules and the goal let the week hold: the weekly caps, and the day caps of its riding days.</summary>
    private static double AllowedSeconds(PlanWeek week, RuleSet rules, PlanGoals goals)
    {
        var days = week.Days.Where(d => rules.AllowsSessionOn(d.Date) && rules.EventOn(d.Date) is null)
            .Sum(d => (double)(rules.DayCapSeconds(d.Date.DayOfWeek, rules.LongRideDay == d.Date.DayOfWeek) ?? 24 * 3600));
        return new[] { days, rules.MaxSecondsPerWeek() ?? double.MaxValue, goals.WeeklyHours * 3600 ?? double.MaxValue }.Min();
    }

    private static double Tss(PlanWeek week) => week.Days.SelectMany(d => d.Workouts).Sum(w => w.TargetTss);

    private static int Seconds(PlanWeek week) => week.Days.Sum(d => d.DurationSeconds);

    private static double Mean(IEnumerable<double> values, double otherwise) => values.DefaultIfEmpty(otherwise).Average();

    /// <summary>
    /// Before an A event whose course is known, a plan with quality work in its base or build weeks holds at least one
    /// effort matched to a key climb of the course (<see cref="CourseSessions.Matches"/>) in a session that says it prepares
    /// for the course (<see cref="PlannedWorkout.PreparesFor"/>): specificity, whichever engine wrote it.
    /// </summary>
    private static PlanViolation? CourseViolation(TrainingPlan plan, PlanContext context, Season season)
    {
        var goal = season.GoalFrom(plan.StartDate);
        if (context.CourseOf(goal) is not { KeyClimbs.Count: > 0 } course
            || !plan.Weeks.Any(w => w.Phase is PlanPhase.Base or PlanPhase.Build && w.Days.Any(d => d.Workouts.Any(x => x.Type.IsHard()))))
        {
            return null;
        }

        var workouts = plan.Days.SelectMany(d => d.Workouts).ToList();
        return course.KeyClimbs.Any(c => workouts.Any(w => w.PreparesFor?.StartsWith(course.Name, StringComparison.Ordinal) == true && CourseSessions.Matches(w, course, c)))
            ? null
            : Error(PlanViolationCodes.CourseNotPrepared, null, $"The plan builds toward {goal!.Name} on {course.Name} but no session holds an effort at the power of its key climbs " +
                $"({string.Join("; ", course.KeyClimbs.Select(course.Describe))}).");
    }

    private static PlanViolation Error(string code, int? week, string message) => new(code, ViolationSeverity.Error, week, null, message);

    private static PlanViolation Warning(string code, int? week, string message) => new(code, ViolationSeverity.Warning, week, null, message);
}

/// <summary>A plan repaired against the rules (<see cref="Repaired"/>) and the judgement of the repaired plan.</summary>
public sealed record PlanReview(PlanRepairResult Repaired, IReadOnlyList<PlanViolation> Judgement)
{
    /// <summary>Why the plan may not be stored: rule violations left after repair, else the judgement's errors.</summary>
    public IReadOnlyList<string> Errors => [.. Repaired.Remaining.Concat(Judgement).Where(v => v.Severity == ViolationSeverity.Error).Select(v => v.Message)];

    /// <summary>The judgement's warnings, stored with the plan beside the rules' own.</summary>
    public IReadOnlyList<string> Warnings => [.. Judgement.Where(v => v.Severity == ViolationSeverity.Warning).Select(v => v.Message)];
}
