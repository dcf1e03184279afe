using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Chat;

/// <summary>
/// The built-in coach's answers to the questions riders ask most (English keywords): why a session is planned, the
/// next key session, this week's load, current form. Anything else returns null (the caller says what it can answer).
/// </summary>
public static class BuiltInChatAnswers
{
    /// <summary>Form readings by TSB: above this, fresh.</summary>
    public const double FreshAbove = 5;

    /// <summary>From this up to <see cref="FreshAbove"/>, neutral; below it, tired.</summary>
    public const double NeutralFrom = -10;

    /// <summary>Below this, overreaching: the same line the built-in analyzer calls high fatigue.</summary>
    public const double OverreachingBelow = CoachingPrinciples.FatiguedTsb;

    private static readonly char[] Separators = [' ', '\t', '\n', '?', '!', '.', ',', ';', ':', '\'', '\u2019', '"', '(', ')'];

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static string? Answer(string question, ChatData data)
    {
        var words = question.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        bool Any(params string[] keys) => keys.Any(words.Contains);

        // Most specific first: "why is my key session…" is a why-question; "why am I tired" is not about a session.
        if (Any("why", "purpose", "point") && (Any("session", "workout", "ride", "planned", "plan", "intervals", "rest") || AskedDate(words, data.Today) is not null))
        {
            return Why(words, data);
        }

        if (Any("key", "hard", "interval", "intervals", "quality", "intensity") && Any("next", "upcoming", "when", "coming"))
        {
            return NextKeySession(data);
        }

        if (Any("week", "weekly") && Any("load", "hours", "tss", "much", "volume", "planned", "done", "training", "plan"))
        {
            return WeekLoad(data, nextWeek: Any("next"));
        }

        if (Any("form", "fresh", "tired", "fatigue", "fatigued", "tsb", "ctl", "atl", "fitness", "recovered", "freshness"))
        {
            return Form(data.Fitness);
        }

        return null;
    }

    /// <summary>The TSB reading: fresh above +5, neutral −10 to +5, tired −25 to −10, overreaching below −25.</summary>
    public static string ReadTsb(double tsb) => tsb switch
    {
        > FreshAbove => "fresh",
        >= NeutralFrom => "neutral",
        >= OverreachingBelow => "tired",
        _ => "overreaching",
    };

    private static string Form(FitnessSnapshot? fitness)
    {
        if (fitness is null)
        {
            return "There are no fitness numbers yet: they follow from rides with a training load.";
        }

        var reading = ReadTsb(fitness.Tsb) switch
        {
            "fresh" => "fresh: rested, a good moment for a hard session or an event",
            "neutral" => "neutral: training and recovery are in balance",
            "tired" => "tired: the productive fatigue of a training block; keep the easy days easy",
            _ => "overreaching: fatigue well above fitness; take extra rest before the next hard session",
        };
        return $"Fitness (CTL) {fitness.Ctl:0}, fatigue (ATL) {fitness.Atl:0}, form (TSB) {fitness.Tsb:0}: {reading}.";
    }

    /// <summary>Planned and done load of the Monday-to-Sunday week of today (or the next one: planned only).</summary>
    private static string WeekLoad(ChatData data, bool nextWeek)
    {
        var monday = data.Today.AddDays(-(((int)data.Today.DayOfWeek + 6) % 7) + (nextWeek ? 7 : 0));
        var sunday = monday.AddDays(6);
        bool InWeek(DateOnly d) => d >= monday && d <= sunday;

        var rides = data.Rides.Where(r => InWeek(r.Date)).ToList();
        var done = $"done so far {Hours(rides.Sum(r => r.DurationSeconds))}, TSS {rides.Sum(r => r.TrainingStressScore ?? 0):0} in {Count(rides.Count, "ride")}";
        var planned = data.Plan?.Days.Where(d => InWeek(d.Date)).ToList() ?? [];
        var range = $"{(nextWeek ? "Next week" : "This week")} ({monday:ddd d MMM} to {sunday:ddd d MMM})";
        if (planned.Count == 0)
        {
            return nextWeek ? $"{range}: no plan covers it." : $"{range}: no plan covers it; {done}.";
        }

        if (nextWeek)
        {
            return $"{range}: planned {Load(planned)}.";
        }

        static string Load(IEnumerable<PlanDay> days)
        {
            var workouts = days.SelectMany(d => d.Workouts).ToList();
            return $"{Hours(workouts.Sum(w => w.DurationSeconds))}, TSS {workouts.Sum(w => w.TargetTss):0} in {Count(workouts.Count, "session")}";
        }

        return $"{range}: planned {Load(planned)}; {done} (planned up to today: {Load(planned.Where(d => d.Date <= data.Today))}).";
    }

    private static string NextKeySession(ChatData data)
    {
        if (data.Plan is null)
        {
            return NoPlan;
        }

        // Today's session still counts unless a ride is already logged today.
        var from = data.Rides.Any(r => r.Date == data.Today) ? data.Today.AddDays(1) : data.Today;
        var day = data.Plan.Days.Where(d => d.Date >= from).OrderBy(d => d.Date).FirstOrDefault(d => d.Workouts.Any(w => w.Type.IsHard()));
        if (day is null)
        {
            return $"No hard session is planned from {from:ddd d MMM} to the end of the plan ({data.Plan.EndDate:ddd d MMM}).";
        }

        var session = day.Workouts.First(w => w.Type.IsHard());
        return $"Your next key session is {session.Name} {When(day.Date, data.Today)}: {session.Description} Target TSS {session.TargetTss:0}.";
    }

    private static string Why(HashSet<string> words, ChatData data)
    {
        if (data.Plan is null)
        {
            return NoPlan;
        }

        var asked = AskedDate(words, data.Today);
        var day = asked is { } date
            ? data.Plan.Day(date)
            : data.Plan.Days.Where(d => d.Date >= data.Today).OrderBy(d => d.Date).FirstOrDefault(d => !d.IsRest);
        if (day is null)
        {
            return asked is { } outside
                ? $"{outside:ddd d MMM} is outside the current plan ({data.Plan.StartDate:d MMM} to {data.Plan.EndDate:d MMM})."
                : "No session is planned from today to the end of the plan.";
        }

        var week = data.Plan.Weeks.First(w => w.Days.Contains(day));
        var context = $"week {week.WeekNumber} of {data.Plan.Weeks.Count} ({week.Focus}) in a block aimed at {data.Plan.Focus}";
        if (day.IsRest)
        {
            return $"{Capitalize(When(day.Date, data.Today))} is a rest day in {context}: fitness is built while recovering from the work, so rest is part of the plan.";
        }

        var parts = day.Workouts.Select(w => $"{w.Name} ({Minutes(w.DurationSeconds)}, TSS {w.TargetTss:0}) is {Purpose(w.Type)}");
        return $"{Capitalize(When(day.Date, data.Today))}, {context}: {string.Join("; ", parts)}.";
    }

    /// <summary>"today", "tomorrow" or a weekday (its next occurrence, today included) in the question.</summary>
    private static DateOnly? AskedDate(HashSet<string> words, DateOnly today)
    {
        if (words.Contains("today") || words.Contains("tonight"))
        {
            return today;
        }

        if (words.Contains("tomorrow"))
        {
            return today.AddDays(1);
        }

        for (var i = 0; i < Weekdays.Length; i++)
        {
            if (words.Contains(Weekdays[i]) || words.Contains(Weekdays[i] + "s"))
            {
                var wanted = (DayOfWeek)((i + 1) % 7);
                return today.AddDays(((int)wanted - (int)today.DayOfWeek + 7) % 7);
            }
        }

        return null;
    }

    private static string Purpose(WorkoutType type) => type switch
    {
        WorkoutType.Recovery => "an easy spin that speeds recovery without adding fatigue",
        WorkoutType.Endurance => "aerobic base: it builds the engine at a load you recover from quickly",
        WorkoutType.LongRide => "endurance over time: durability, fuelling practice and aerobic base for long days",
        WorkoutType.Tempo => "sustained moderate pressure: muscular endurance at a cost well below threshold work",
        WorkoutType.SweetSpot => "work just under threshold: it raises FTP with less fatigue than full threshold intervals",
        WorkoutType.Threshold => "work at FTP: it raises the power you can hold for about an hour",
        WorkoutType.Vo2Max => "work near maximal aerobic power: it raises the ceiling FTP sits under",
        WorkoutType.Anaerobic => "work above VO2max: capacity for attacks and short steep climbs",
        WorkoutType.Sprint => "maximal efforts with long recoveries: neuromuscular power and sprint speed",
        _ => "part of the plan",
    };

    private const string NoPlan = "There is no current plan yet: generate one and I can tell you about its sessions.";

    private static string When(DateOnly date, DateOnly today) => (date.DayNumber - today.DayNumber) switch
    {
        0 => $"today ({date:ddd d MMM})",
        1 => $"tomorrow ({date:ddd d MMM})",
        _ => $"on {date:dddd d MMM}",
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Hours(double seconds) => $"{seconds / 3600:0.0} h";

    private static string Minutes(double seconds) => $"{Math.Round(seconds / 60):0} min";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
