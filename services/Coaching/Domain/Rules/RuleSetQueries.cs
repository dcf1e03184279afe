namespace CyclingCoach.Coaching.Domain.Rules;

/// <summary>
/// The questions the validator and the built-in coach ask of a rule set, answered in one place so that both read the
/// rules the same way (a conflict between an available day and a rest day resolves to rest).
/// </summary>
public static class RuleSetQueries
{
    /// <summary>The weekday is available and not a rest day.</summary>
    public static bool IsRidingDay(this RuleSet rules, DayOfWeek day) =>
        !rules.RestDays.Contains(day) && (rules.AvailableDays is null || rules.AvailableDays.Contains(day));

    public static DateRange? BlackoutOn(this RuleSet rules, DateOnly date) => rules.BlackoutDates.FirstOrDefault(r => r.Contains(date));

    /// <summary>A session may be planned on the date: a riding weekday outside every blackout range.</summary>
    public static bool AllowsSessionOn(this RuleSet rules, DateOnly date) => rules.IsRidingDay(date.DayOfWeek) && rules.BlackoutOn(date) is null;

    /// <summary>
    /// The long-ride day is <see cref="RuleSet.LongRideDay"/>; when none is set, any day that holds a long ride
    /// (so "my long ride can be 5 h max" applies to the long ride wherever it is).
    /// </summary>
    public static bool IsLongRideDay(this RuleSet rules, DayOfWeek day, bool holdsLongRide) => rules.LongRideDay is { } longDay ? longDay == day : holdsLongRide;

    /// <summary>
    /// The most a day may hold, in seconds, or null for no cap: the weekday's <see cref="DayCap"/> or, on the long-ride
    /// day, <see cref="RuleSet.LongRideMaxHours"/> — both when both are given ("Saturdays at most 3 h" is not lifted by
    /// "long rides up to 5 h") — else <see cref="RuleSet.MaxHoursPerDay"/>, which either of them overrides.
    /// </summary>
    public static int? DayCapSeconds(this RuleSet rules, DayOfWeek day, bool holdsLongRide)
    {
        var weekday = rules.DayCaps.Where(c => c.Day == day).Select(c => (double?)c.MaxHours).Min();
        var longRide = rules.IsLongRideDay(day, holdsLongRide) ? rules.LongRideMaxHours : null;
        return Seconds(weekday is { } w && longRide is { } l ? Math.Min(w, l) : weekday ?? longRide ?? rules.MaxHoursPerDay);
    }

    /// <summary>The event on the date, the highest priority first (null: none).</summary>
    public static TargetEvent? EventOn(this RuleSet rules, DateOnly date) =>
        rules.Events.Where(e => e.Date == date).OrderBy(e => e.Priority).FirstOrDefault();

    /// <summary>A C event on the date: ridden as training, it counts as a hard session (coaching.md §4, [MO]).</summary>
    public static bool HasCEventOn(this RuleSet rules, DateOnly date) => rules.Events.Any(e => e.Date == date && e.Priority == EventPriority.C);

    /// <summary>
    /// The A or B event in the <paramref name="days"/> days after the date, if any: no hard session goes there
    /// (coaching.md §4: none in the 48 h before an A/B event).
    /// </summary>
    public static TargetEvent? KeyEventWithin(this RuleSet rules, DateOnly date, int days) =>
        rules.Events.Where(e => e.Priority != EventPriority.C && e.Date > date && e.Date.DayNumber - date.DayNumber <= days).OrderBy(e => e.Date).FirstOrDefault();

    public static int? MaxSecondsPerWeek(this RuleSet rules) => Seconds(rules.MaxHoursPerWeek);

    public static int? MinSecondsPerWeek(this RuleSet rules) => Seconds(rules.MinHoursPerWeek);

    private static int? Seconds(double? hours) => hours is { } h ? (int)Math.Round(Math.Max(0, h) * 3600) : null;
}
