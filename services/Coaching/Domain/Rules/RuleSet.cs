using System.Text.Json.Serialization;

namespace CyclingCoach.Coaching.Domain.Rules;

/// <summary>
/// The rider's training rules in structured form (schema: services/Coaching/README.md, "Rule set"). Every field is
/// optional: a null or empty field means "no rule". Both engines produce it; the plan validator enforces it.
/// </summary>
public sealed record RuleSet
{
    /// <summary>Weekdays the rider can ride; null means every day.</summary>
    public IReadOnlyList<DayOfWeek>? AvailableDays { get; init; }

    /// <summary>Weekdays that must stay without a session.</summary>
    public IReadOnlyList<DayOfWeek> RestDays { get; init; } = [];

    public double? MaxHoursPerWeek { get; init; }

    public double? MinHoursPerWeek { get; init; }

    /// <summary>Cap for any single day (a <see cref="DayCaps"/> entry or <see cref="LongRideMaxHours"/> overrides it for its day).</summary>
    public double? MaxHoursPerDay { get; init; }

    /// <summary>Caps for particular weekdays ("Tuesdays at most an hour").</summary>
    public IReadOnlyList<DayCap> DayCaps { get; init; } = [];

    public DayOfWeek? LongRideDay { get; init; }

    /// <summary>Cap for the long-ride day (<see cref="LongRideDay"/>, or where none is set any day holding a long ride):
    /// it overrides <see cref="MaxHoursPerDay"/>, not a <see cref="DayCaps"/> entry for that weekday (both hold).</summary>
    public double? LongRideMaxHours { get; init; }

    /// <summary>Sessions of a hard type (see <see cref="Plans.WorkoutTypes.IsHard"/>) per plan week (Monday to Sunday).</summary>
    public int? MaxHardSessionsPerWeek { get; init; }

    public bool NoBackToBackHardDays { get; init; }

    /// <summary>Date ranges (inclusive) with no session at all: holidays, travel.</summary>
    public IReadOnlyList<DateRange> BlackoutDates { get; init; } = [];

    /// <summary>
    /// The rider's events (races, sportives) with their priority: an A event shapes the season (base, build, taper),
    /// a B event gets a short reduction, a C event is ridden as a hard session. Stored rule sets from before events
    /// had priorities held one <c>targetEvent</c>; the migration <c>RuleSetEvents</c> moved it here as an A event.
    /// </summary>
    public IReadOnlyList<TargetEvent> Events { get; init; } = [];

    public static RuleSet None { get; } = new();
}

public sealed record DayCap(DayOfWeek Day, double MaxHours);

public sealed record DateRange(DateOnly From, DateOnly To, string? Reason = null)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <param name="Priority">A: the season's goal, peaked and tapered for; B: important, a short reduction before it; C: training, no taper.</param>
/// <param name="RouteId">The event's course, a route of the library (Routes): an A event's plan then prepares for its climbs.</param>
public sealed record TargetEvent(string Name, DateOnly Date, EventPriority Priority = EventPriority.A,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? RouteId = null);

/// <summary>Friel's race priorities (coaching.md §4, [MO]).</summary>
public enum EventPriority
{
    A,
    B,
    C,
}

/// <summary>What a parser made of the rider's text: the rules, and the phrases it could not turn into a rule.</summary>
public sealed record RuleParseResult(RuleSet Rules, IReadOnlyList<string> NotUnderstood);
