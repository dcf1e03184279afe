using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using Xunit.Abstractions;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// Seasons ridden through the rolling window with the built-in coach: every weekly plan passes the coach's checks, a
/// lighter week comes every 3–4 weeks across windows, and the rider arrives at an A event fresh (TSB +5..+25, coaching.md
/// §4 [FR4]) having lost at most 10 % of CTL in the taper [FR5] after a build that raised it.
/// </summary>
public sealed class SeasonScenarioTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(16)]
    public async Task Riding_the_rolling_plans_to_an_A_event_arrives_fresh(int weeks)
    {
        var rider = Riders.EventIn(weeks);
        var goal = rider.Rules.Events.Single(e => e.Priority == EventPriority.A);

        var season = await SeasonRun.RideAsync(rider, weeks, SeasonRun.BuiltIn);

        foreach (var (who, plan) in season.Plans)
        {
            var found = CoachChecks.Check(who, plan);
            Assert.True(found.Count == 0, $"plan from {plan.StartDate}: {string.Join("; ", found)}\n{PlanPrinter.Print(plan)}");
        }

        output.WriteLine(string.Join("\n", season.Ridden.Select(w => $"{w.Days[0].Date:MM-dd} {w.Phase,-10} {CoachChecks.Hours(w),5:0.0} h {CoachChecks.Tss(w),5:0} TSS  {w.Focus}")));
        // Across the windows: never more than 3 build weeks before a lighter one (§2: every 3–4 weeks).
        var run = 0;
        foreach (var week in season.Ridden)
        {
            run = week.Phase is PlanPhase.Build or PlanPhase.Base ? run + 1 : 0;
            Assert.True(run <= 3, $"{run} build weeks in a row up to {week.Days[0].Date}");
        }

        var rides = season.Rider.History.Rides.Where(r => r.Date < goal.Date).ToList();
        var (ctl, atl) = CoachChecks.Pmc(rides, goal.Date.AddDays(-1));
        var (ctlBeforeTaper, _) = CoachChecks.Pmc(rides, goal.Date.AddDays(-15));
        var (ctlAtStart, _) = CoachChecks.Pmc(rider.History.Rides, rider.Today);
        output.WriteLine($"CTL {ctlAtStart:0.0} at the start, {ctlBeforeTaper:0.0} before the taper, {ctl:0.0} on race day; TSB {ctl - atl:+0.0}");
        Assert.InRange(ctl - atl, 5, 25);
        Assert.True(ctl >= 0.9 * ctlBeforeTaper, $"the taper took CTL from {ctlBeforeTaper:0.0} to {ctl:0.0}");
        if (weeks >= 8)
        {
            // The build raised fitness before the taper traded some of it for form.
            Assert.True(ctlBeforeTaper > ctlAtStart + 2, $"{weeks} weeks of building took CTL from {ctlAtStart:0.0} to only {ctlBeforeTaper:0.0}");
        }
    }
}
