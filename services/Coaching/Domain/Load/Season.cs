using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Domain.Load;

/// <summary>A week's place in the season: its phase, the A event it leads to and how many weeks away that is.</summary>
/// <param name="Label">"Base", "Build", "Specialty", "Taper", "Race", "Transition".</param>
public sealed record SeasonWeek(PlanPhase Phase, string Label, TargetEvent? Goal, int? WeeksToGoal);

/// <summary>
/// The rider's events as the season sees them (coaching.md §4): the A event ahead shapes the weeks — more than 20
/// weeks away Base, then Build, the last 8 before the taper Specialty, the week before the event's week Taper, the
/// event's week Race, the week after Transition. An A event 9–11 weeks after another is ridden as a B event (a peak
/// lasts 6–8 weeks) [TR-A]. Taper days are counted back from the event (<see cref="TaperShare"/>).
/// </summary>
public sealed class Season
{
    public Season(RuleSet rules)
    {
        var events = new List<TargetEvent>();
        TargetEvent? lastA = null;
        foreach (var e in rules.Events.OrderBy(e => e.Date).ThenBy(e => e.Priority))
        {
            var weeks = lastA is null ? 0 : (e.Date.DayNumber - lastA.Date.DayNumber) / 7;
            if (e.Priority == EventPriority.A && lastA is not null && weeks is >= AEventsTooCloseFromWeeks and <= AEventsTooCloseToWeeks)
            {
                events.Add(e with { Priority = EventPriority.B });
                Notes.Add($"{e.Name} is {weeks} weeks after {lastA.Name}: too close for a second peak and too far to hold the first, so it is ridden as a B event.");
                continue;
            }

            events.Add(e);
            if (e.Priority == EventPriority.A)
            {
                lastA = e;
            }
        }

        Events = events;
    }

    /// <summary>The events with the priorities the season rides them at.</summary>
    public IReadOnlyList<TargetEvent> Events { get; }

    /// <summary>What the season changed about the rider's events, for the plan's notes.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The next A event on or after the date.</summary>
    public TargetEvent? GoalFrom(DateOnly date) => Events.FirstOrDefault(e => e.Priority == EventPriority.A && e.Date >= date);

    public SeasonWeek Week(DateOnly monday)
    {
        if (Events.LastOrDefault(e => e.Priority == EventPriority.A && e.Date < monday) is { } past && monday.DayNumber - past.Date.DayNumber <= 7)
        {
            return new SeasonWeek(PlanPhase.Transition, "Transition", past, null);
        }

        if (GoalFrom(monday) is not { } goal)
        {
            return new SeasonWeek(PlanPhase.Build, "Build", null, null);
        }

        var weeks = (Monday(goal.Date).DayNumber - monday.DayNumber) / 7;
        var (phase, label) = weeks switch
        {
            0 => (PlanPhase.Race, "Race"),
            1 => (PlanPhase.Taper, "Taper"),
            // An event early in its week (Monday to Thursday) starts its 14-day taper in this week already.
            2 when ((int)goal.Date.DayOfWeek + 6) % 7 <= 3 => (PlanPhase.Taper, "Taper"),
            _ when weeks <= SpecialtyWeeks + 1 => (PlanPhase.Build, "Specialty"),
            _ when weeks <= BaseBeyondWeeks => (PlanPhase.Build, "Build"),
            _ => (PlanPhase.Base, "Base"),
        };
        return new SeasonWeek(phase, label, goal, weeks);
    }

    /// <summary>
    /// How much of a normal day's riding a day gets around the events: the A taper (days 14–8 before at 90 %, the last
    /// 7 at 55 %), a B event's 4 days before at 70 %; 0 on an A or B event and the day after it; 1 otherwise.
    /// </summary>
    public double TaperShare(DateOnly date)
    {
        var share = 1.0;
        foreach (var e in Events.Where(e => e.Priority != EventPriority.C))
        {
            var before = e.Date.DayNumber - date.DayNumber;
            share = Math.Min(share, before switch
            {
                0 or -1 => 0,
                _ when e.Priority == EventPriority.A && before is >= 1 and <= 7 => TaperLastWeekShare,
                _ when e.Priority == EventPriority.A && before is > 7 and <= TaperDays => TaperFirstWeekShare,
                _ when e.Priority == EventPriority.B && before is >= 1 and <= BTaperDays => BTaperShare,
                _ => 1,
            });
        }

        return share;
    }

    /// <summary>The date is one of the 14 days before an A event: its taper is planned by volume (hours).</summary>
    public bool InATaper(DateOnly date) => Events.Any(e => e.Priority == EventPriority.A && e.Date.DayNumber - date.DayNumber is >= 1 and <= TaperDays);

    /// <summary>The last 7 days before an A event, when the date is in them: race openers, no long ride.</summary>
    public DateRange? LastTaperWeek(DateOnly date) =>
        Events.FirstOrDefault(e => e.Priority == EventPriority.A && e.Date.DayNumber - date.DayNumber is >= 1 and <= 7) is { } e
            ? new DateRange(e.Date.AddDays(-7), e.Date.AddDays(-1), e.Name)
            : null;

    /// <summary>Days after an A event in its own week: only short recovery spins.</summary>
    public bool IsAfterAEvent(DateOnly date) => Events.Any(e => e.Priority == EventPriority.A && date > e.Date && Monday(date) == Monday(e.Date));

    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
