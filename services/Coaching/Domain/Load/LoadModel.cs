using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Training.Science;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Domain.Load;

/// <summary>Where the rider's numbers come from, which decides the ramp (coaching.md §1).</summary>
public enum RiderState
{
    /// <summary>No rides: fitness seeded from hours [TP-S].</summary>
    New,

    /// <summary>Under 6 weeks of rides: the PMC still climbs from zero [TP-S, FR2].</summary>
    Provisional,

    /// <summary>Back from more than 10 days off in the last 6 weeks [TR-M].</summary>
    Returning,

    Training,
}

/// <summary>
/// The rider's starting point for a plan: CTL and ATL going into the plan's first day, the weekly TSS the first
/// weeks are compared with (oldest first), the ramp that applies, and how many build weeks they have behind them.
/// </summary>
/// <param name="Why">One or two sentences for the plan's notes: where the numbers come from.</param>
/// <param name="ReferenceHours">The hours of the same weeks (the volume the first weeks grow from).</param>
public sealed record LoadStart(RiderState State, double Ctl, double Atl, double Ramp, IReadOnlyList<double> ReferenceWeeks, IReadOnlyList<double> ReferenceHours, int BuildWeeksDone, string Why)
{
    /// <summary>The mean of the reference weeks: what the rider has been riding.</summary>
    public double RecentWeekTss => ReferenceWeeks.Count == 0 ? LoadModel.Holds(Ctl) : ReferenceWeeks.Average();
}

/// <summary>
/// The load arithmetic both engines are planned and judged by: what a week of TSS does to CTL and ATL (GoldenCheetah's
/// exponential PMC, 42 / 7 days), the TSS that holds CTL and the TSS that raises it by a ramp (coaching.md §1).
/// </summary>
public static class LoadModel
{
    private static readonly PmcOptions Pmc = PmcOptions.Default;

    /// <summary>Weekly TSS that holds CTL where it is.</summary>
    public static double Holds(double ctl) => 7 * ctl;

    /// <summary>Weekly TSS that raises CTL by <paramref name="ramp"/> in a week ≈ 7·(CTL + 6.5·ramp) [D, CG].</summary>
    public static double ForRamp(double ctl, double ramp) => 7 * (ctl + RampTssPerCtlPoint * ramp);

    /// <summary>
    /// A build week: the ramp's TSS, capped at 10 % over the biggest of the recent weeks (or over what CTL holds, when
    /// the rider rode less than that lately, as after a break): min(7·(CTL + 6.5·r), 1.10·max(recent, 7·CTL)).
    /// </summary>
    public static double BuildTarget(double ctl, double ramp, IEnumerable<double> recentWeeks) =>
        Math.Min(ForRamp(ctl, ramp), WeekOverRecentMax * Math.Max(recentWeeks.DefaultIfEmpty(0).Max(), Holds(ctl)));

    public static LoadStart Start(PlanContext context) => Start(context.Fitness, context.Goals, context.Rules, context.StartDate, context.Current);

    public static LoadStart Start(FitnessSnapshot fitness, PlanGoals goals, RuleSet rules, DateOnly planStart, TrainingPlan? current = null)
    {
        if (fitness.HistoryDays == 0)
        {
            var hours = new[] { SeedHours, goals.WeeklyHours ?? double.MaxValue, rules.MaxHoursPerWeek ?? double.MaxValue }.Min();
            var week = hours * SeedTssPerHour;
            return new LoadStart(RiderState.New, week / 7, week / 7, CautiousRamp, [week, week, week, week], [hours, hours, hours, hours], 0,
                $"No rides yet: fitness seeded at {hours:0.#} h × {SeedTssPerHour:0} TSS/h = {week:0} TSS a week (CTL {week / 7:0}), " +
                $"building at most {CautiousRamp:0} CTL a week; the numbers are provisional until about 6 weeks of rides.");
        }

        var (ctl, atl) = ToStart(fitness, planStart);
        var weeks = fitness.Weeks;
        var least = new[] { LeastStartHours, goals.WeeklyHours ?? double.MaxValue, rules.MaxHoursPerWeek ?? double.MaxValue }.Min() * SeedTssPerHour;
        if (fitness.Break is { } pause)
        {
            var back = pause.From.AddDays(pause.Days);
            var since = weeks.Where(w => w.Start >= back).TakeLast(4).ToList();
            var from = Math.Max(ctl, least / 7);
            return new LoadStart(RiderState.Returning, from, atl, CautiousRamp, [.. since.Select(w => w.Tss)], [.. since.Select(w => w.Hours)], 0,
                $"Back from {pause.Days} days off ({pause.From:yyyy-MM-dd}): CTL is {ctl:0} now, so the plan starts from " +
                (from > ctl
                    ? $"{least / SeedTssPerHour:0.#} h of easy riding a week ({least:0} TSS), as for a new rider, since CTL {ctl:0} holds only {Holds(ctl):0} TSS a week, "
                    : $"what that holds ({Holds(ctl):0} TSS a week) ") +
                $"rather than from before the break, and builds at most {CautiousRamp:0} CTL a week.");
        }

        var first = fitness.Date is { } date ? date.AddDays(1 - fitness.HistoryDays) : planStart.AddDays(-fitness.HistoryDays);
        if (fitness.HistoryDays < ProvisionalDays)
        {
            var full = weeks.Where(w => w.Start >= first).ToList();
            var ridden = Math.Max(least, full.Count > 0 ? full.Average(w => w.Tss) : fitness.RecentWeeklyTss);
            var provisional = Math.Max(ctl, ridden / 7);
            return new LoadStart(RiderState.Provisional, provisional, Math.Max(atl, ridden / 7), CautiousRamp,
                [.. full.Select(w => w.Tss).Append(ridden)], [.. full.Select(w => w.Hours).Append(ridden / SeedTssPerHour)], BuildWeeksDone(current, planStart, []),
                $"{fitness.HistoryDays} days of rides: fitness is provisional, read as the {ridden:0} TSS a week you rode (CTL {provisional:0}), " +
                $"building at most {CautiousRamp:0} CTL a week.");
        }

        var recent = weeks.TakeLast(4).ToList();
        return new LoadStart(RiderState.Training, ctl, atl, DefaultRamp, [.. recent.Select(w => w.Tss)], [.. recent.Select(w => w.Hours)], BuildWeeksDone(current, planStart, weeks),
            $"From CTL {ctl:0} (ATL {atl:0}) and your last 4 weeks of {recent.Average(w => w.Hours):0.#} h and {recent.Average(w => w.Tss):0} TSS on average.");
    }

    /// <summary>
    /// Build weeks behind the rider since their last lighter week. The current plan decides when it has one: its next
    /// recovery week stays where it is (the rolling window keeps the cycle), else its weeks before the new start count
    /// back to its last lighter week. Without a plan the history does: weeks that raised CTL by
    /// <see cref="BuildWeekRamp"/> or more.
    /// </summary>
    private static int BuildWeeksDone(TrainingPlan? current, DateOnly planStart, IReadOnlyList<WeekLoad> weeks)
    {
        if (current?.Weeks.FirstOrDefault(w => w.Days[0].Date >= planStart && w.Phase == PlanPhase.Recovery) is { } next)
        {
            return Math.Max(0, BuildWeeksPerCycle - (next.Days[0].Date.DayNumber - planStart.DayNumber) / 7);
        }

        var before = current?.Weeks.Where(w => w.Days[^1].Date < planStart).ToList() ?? [];
        if (before.Count > 0 && before[^1].Days[^1].Date == planStart.AddDays(-1))
        {
            var run = before.AsEnumerable().Reverse().TakeWhile(w => !w.Phase.IsLighter()).Count();
            return run < before.Count ? run : run + HistoryBuildWeeks(weeks.Where(w => w.Start < current!.StartDate));
        }

        return HistoryBuildWeeks(weeks);
    }

    private static int HistoryBuildWeeks(IEnumerable<WeekLoad> weeks) => weeks.Reverse().TakeWhile(w => w.CtlEnd - w.CtlStart >= BuildWeekRamp).Count();

    /// <summary>CTL and ATL the day before the plan: the snapshot's, carried over the days between at the recent mean load [E].</summary>
    private static (double Ctl, double Atl) ToStart(FitnessSnapshot fitness, DateOnly planStart)
    {
        var gap = fitness.Date is { } date ? planStart.DayNumber - date.DayNumber - 1 : 0;
        return Advance(fitness.Ctl, fitness.Atl, Enumerable.Repeat(fitness.RecentWeeklyTss / 7, Math.Max(0, gap)));
    }

    /// <summary>CTL and ATL after the days' loads.</summary>
    public static (double Ctl, double Atl) Advance(double ctl, double atl, IEnumerable<double> dailyLoads)
    {
        var days = dailyLoads.ToArray();
        if (days.Length == 0)
        {
            return (ctl, atl);
        }

        var last = Project(ctl, atl, DateOnly.MinValue, days)[^1];
        return (last.Ctl, last.Atl);
    }

    /// <summary>The PMC over the days from <paramref name="from"/> (TSB going into each day, as the fitness chart shows it).</summary>
    public static PmcDay[] Project(double ctl, double atl, DateOnly from, IReadOnlyList<double> dailyLoads) =>
        PmcCalculator.Compute(from, dailyLoads.ToArray(), Pmc with { InitialCtl = ctl, InitialAtl = atl });
}
