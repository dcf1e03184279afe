using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Plans;

/// <param name="StartDate">A Monday; default the next Monday (today when today is one).</param>
public sealed record PlanGenerateRequest(PlanGoals? Goals, DateOnly? StartDate, int? Weeks)
{
    public const int DefaultWeeks = 4;

    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (StartDate is { } start)
        {
            if (start.DayOfWeek != DayOfWeek.Monday)
            {
                errors["startDate"] = ["A plan starts on a Monday."];
            }
            else if (start < ThisMonday(today).AddDays(-7) || start > today.AddDays(7 * 26))
            {
                errors["startDate"] = ["startDate must be last week's Monday or later, and within the next 26 weeks."];
            }
        }

        if (Weeks is < 1 or > 8)
        {
            errors["weeks"] = ["weeks must be between 1 and 8."];
        }

        if (Goals is { } goals)
        {
            if (goals.WeeklyHours is { } hours && (!double.IsFinite(hours) || hours < 0.5 || hours > 40))
            {
                errors["goals.weeklyHours"] = ["weeklyHours must be between 0.5 and 40."];
            }

            if (goals.Focus is { Length: > 200 })
            {
                errors["goals.focus"] = ["At most 200 characters."];
            }

            if (goals.Notes is { Length: > 2000 })
            {
                errors["goals.notes"] = ["At most 2000 characters."];
            }
        }

        return errors;
    }

    public static DateOnly ThisMonday(DateOnly today) => today.AddDays(-(((int)today.DayOfWeek + 6) % 7));

    public static DateOnly NextMonday(DateOnly today) => today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
}
