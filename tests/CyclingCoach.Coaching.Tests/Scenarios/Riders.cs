using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Rules;
using static System.DayOfWeek;
using CyclingCoach.Coaching.Domain.Athletes;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// A rider as a coach meets them: their ride history, their rules in their own words (read by the built-in parser)
/// and their goal. <see cref="Context"/> runs the history through Coaching's fitness computation.
/// </summary>
public sealed record Rider(string Name, RideHistory History, string RulesText, PlanGoals Goals)
{
    public RuleSet Rules => BuiltInRuleParser.Parse(RulesText).Rules;

    public DateOnly Today => History.Until;

    /// <summary>The plan starts the day after today (a Monday in every archetype).</summary>
    public DateOnly Start => Today.AddDays(1);

    public FitnessSnapshot Fitness => LoadHistory.Snapshot(History.Riding(), Today);

    /// <param name="current">The plan the rider has now (the rolling window carries its build / recovery cycle on).</param>
    public PlanContext Context(int weeks = 4, CyclingCoach.Coaching.Domain.Plans.TrainingPlan? current = null) =>
        new(Rules, new AthleteSnapshot(260, 72, 186, 168, 50), Fitness, Goals, Start, weeks, current);

    public override string ToString() => Name;
}

/// <summary>
/// The archetypes of issue 17's scenario suite. Their "today" is Sunday 2027-02-28; the plan starts Monday 2027-03-01.
/// Numbers are chosen so the history gives the fitness named (CTL from 42-day exponential averaging of daily TSS).
/// </summary>
public static class Riders
{
    public static readonly DateOnly Today = new(2027, 2, 28);

    public static DateOnly Start => Today.AddDays(1);

    /// <summary>8 h and 365 TSS a week for 20 weeks: CTL ≈ 50 (issue 17's rider).</summary>
    public static RideHistory Steady8h(DateOnly? until = null, int weeks = 20) => new RideHistory(until ?? Today)
        .Weeks(weeks, (Tuesday, 1.5, 70), (Thursday, 1.5, 75), (Saturday, 3, 130), (Sunday, 2, 90));

    public static Rider NewRider => new("new rider, no history", new RideHistory(Today), "", new PlanGoals());

    /// <summary>Five 48-min commutes a week, 190 TSS, for 20 weeks: CTL ≈ 25.</summary>
    public static Rider Commuter => new("4 h/week commuter", new RideHistory(Today)
            .Weeks(20, (Monday, 0.8, 38), (Tuesday, 0.8, 38), (Wednesday, 0.8, 38), (Thursday, 0.8, 38), (Friday, 0.8, 38)),
        "I can ride Monday to Saturday. Max 5 hours a week. At most 1.5 hours per day.", new PlanGoals());

    public static Rider Steady => new("steady 8 h, 365 TSS, 10 h allowed", Steady8h(), "No more than 10 hours a week.", new PlanGoals());

    /// <summary>14 h and 660 TSS a week for 26 weeks: CTL ≈ 93.</summary>
    public static Rider Racer => new("14 h racer, CTL 90+", new RideHistory(Today)
            .Weeks(26, (Tuesday, 2, 110), (Wednesday, 2.5, 110), (Thursday, 2, 110), (Friday, 1.5, 60), (Saturday, 3.5, 160), (Sunday, 2.5, 110)),
        "Max 16 hours a week. Monday is a rest day.", new PlanGoals());

    /// <summary>The steady rider after 6 weeks off the bike: CTL down to about a third.</summary>
    public static Rider Returning => new("returning after 6 weeks off",
        new RideHistory(Today).Weeks(20, 6, (Tuesday, 1.5, 70), (Thursday, 1.5, 75), (Saturday, 3, 130), (Sunday, 2, 90)),
        "No more than 10 hours a week.", new PlanGoals());

    /// <summary>The steady rider back after 20 weeks off: CTL ≈ 2, what is left of it holds one short ride a week.</summary>
    public static Rider LongBreak => new("back after 20 weeks off, CTL 2",
        new RideHistory(Today).Weeks(20, 20, (Tuesday, 1.5, 70), (Thursday, 1.5, 75), (Saturday, 3, 130), (Sunday, 2, 90)),
        "I can ride Tuesday, Thursday, Saturday and Sunday. No more than 8 hours a week.", new PlanGoals());

    /// <summary>6 h and 260 TSS on four days for 20 weeks: CTL ≈ 36 (issue 17's second history).</summary>
    public static Rider FourDays37 => new("CTL 37 on four days", new RideHistory(Today)
            .Weeks(20, (Tuesday, 1, 50), (Thursday, 1, 50), (Saturday, 2.5, 100), (Sunday, 1.5, 60)),
        "I can ride Tuesday, Thursday, Saturday and Sunday.", new PlanGoals());

    /// <summary>A 4-day rider allowed 10 h, riding 9 h / 420 TSS: four sessions, not two long ones.</summary>
    public static Rider FourDays10h => new("4 days, 10 h allowed", new RideHistory(Today)
            .Weeks(20, (Monday, 1.5, 70), (Wednesday, 2, 95), (Friday, 1.5, 75), (Saturday, 4, 180)),
        "I can ride Monday, Wednesday, Friday and Saturday. Max 10 hours a week.", new PlanGoals());

    public static Rider Tight => new("tight rules: 3 days, day caps, 1 hard", Steady8h(),
        "I can ride Tuesday, Thursday and Sunday. Tuesdays at most 1 hour. Thursdays at most 1 hour. Long ride on Sunday up to 3 hours. Max 1 hard session per week. No back-to-back hard days.",
        new PlanGoals());

    public static Rider Loose => new("loose rules: racer, no rules", Racer.History, "", new PlanGoals());

    public static Rider EventIn(int weeks) => new($"A event in {weeks} weeks", Steady8h(),
        $"No more than 10 hours a week. Target event: Spring Gran Fondo on {Start.AddDays(weeks * 7 - 1):yyyy-MM-dd}.", new PlanGoals());

    public static Rider Events => new("A in 12 weeks, B in 2, C in 3", Steady8h(),
        $"No more than 10 hours a week. Target event: Summer Classic on {Start.AddDays(12 * 7 - 1):yyyy-MM-dd}. " +
        $"B race: Local road race on {Start.AddDays(13):yyyy-MM-dd}. C race: Club TT on {Start.AddDays(19):yyyy-MM-dd}.", new PlanGoals());

    public static IEnumerable<Rider> All =>
    [
        NewRider, Commuter, Steady, Racer, Returning, LongBreak, FourDays37, FourDays10h, Tight, Loose, EventIn(3), EventIn(8), EventIn(16), Events,
    ];
}
