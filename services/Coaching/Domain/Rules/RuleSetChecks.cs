namespace CyclingCoach.Coaching.Domain.Rules;

/// <summary>Ranges a rule set must keep, whoever wrote it (the rider, the built-in parser or the LLM).</summary>
public static class RuleSetChecks
{
    public static Dictionary<string, string[]> Validate(RuleSet rules)
    {
        var errors = new Dictionary<string, string[]>();
        void Range(string field, double? value, double min, double max)
        {
            if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
            {
                errors[field] = [$"{field} must be between {min} and {max}."];
            }
        }

        Range("maxHoursPerWeek", rules.MaxHoursPerWeek, 0.5, 40);
        Range("minHoursPerWeek", rules.MinHoursPerWeek, 0, 40);
        Range("maxHoursPerDay", rules.MaxHoursPerDay, 0.25, 16);
        Range("longRideMaxHours", rules.LongRideMaxHours, 0.5, 16);
        Range("maxHardSessionsPerWeek", rules.MaxHardSessionsPerWeek, 0, 7);
        if (rules.MinHoursPerWeek > rules.MaxHoursPerWeek)
        {
            errors["minHoursPerWeek"] = ["minHoursPerWeek cannot exceed maxHoursPerWeek."];
        }

        if (rules.AvailableDays is { Count: 0 })
        {
            errors["availableDays"] = ["availableDays must list at least one day (leave it out for every day)."];
        }

        var riding = (rules.AvailableDays ?? Enum.GetValues<DayOfWeek>()).Except(rules.RestDays);
        if (!riding.Any() && rules.AvailableDays is not { Count: 0 })
        {
            errors["restDays"] = ["Rest days leave no day to ride."];
        }

        foreach (var (cap, i) in rules.DayCaps.Select((c, i) => (c, i)))
        {
            Range($"dayCaps[{i}].maxHours", cap.MaxHours, 0.25, 16);
        }

        if (rules.DayCaps.GroupBy(c => c.Day).Any(g => g.Count() > 1))
        {
            errors["dayCaps"] = ["At most one cap per weekday."];
        }

        if (rules.BlackoutDates.Count > 100)
        {
            errors["blackoutDates"] = ["At most 100 blackout ranges."];
        }

        foreach (var (range, i) in rules.BlackoutDates.Select((r, i) => (r, i)))
        {
            if (range.To < range.From || range.To.DayNumber - range.From.DayNumber > 366)
            {
                errors[$"blackoutDates[{i}]"] = ["A blackout range runs forward and spans at most a year."];
            }
        }

        if (rules.Events.Count > 50)
        {
            errors["events"] = ["At most 50 events."];
        }

        foreach (var (e, i) in rules.Events.Select((e, i) => (e, i)))
        {
            if (string.IsNullOrWhiteSpace(e.Name) || e.Name.Length > 120)
            {
                errors[$"events[{i}].name"] = ["An event needs a name of at most 120 characters."];
            }

            if (!Enum.IsDefined(e.Priority))
            {
                errors[$"events[{i}].priority"] = ["An event's priority is a, b or c."];
            }
        }

        return errors;
    }

    public static IReadOnlyList<string> Problems(RuleSet rules) => [.. Validate(rules).SelectMany(e => e.Value)];
}
