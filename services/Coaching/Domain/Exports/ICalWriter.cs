using System.Globalization;
using System.Text;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Exports;

/// <summary>
/// A plan as an iCalendar feed (RFC 5545) for calendar apps that subscribe to a URL: one all-day event per planned
/// workout, none for rest days. The UID is the date and the workout's place on that day, so when the plan changes a
/// subscribed calendar updates the event in place instead of adding a second one. Lines end in CRLF and are folded at
/// 75 octets without splitting a UTF-8 character; TEXT values are escaped.
/// </summary>
public static class ICalWriter
{
    private const int MaxLineOctets = 75;

    public static string Write(TrainingPlan plan, string calendarName, DateTimeOffset generatedAt, Func<DateOnly, string?>? urlForDay = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//CyclingCoach//Training plan//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + Text(calendarName));
        // Ask subscribing apps to look again hourly (RFC 7986; the X- form is what older Apple and Outlook clients read).
        Line(ics, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        Line(ics, "X-PUBLISHED-TTL:PT1H");

        var stamp = generatedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var day in plan.Days)
        {
            var url = day.IsRest ? null : urlForDay?.Invoke(day.Date);
            for (var i = 0; i < day.Workouts.Count; i++)
            {
                var workout = day.Workouts[i];
                Line(ics, "BEGIN:VEVENT");
                Line(ics, $"UID:{day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{i}@cyclingcoach");
                Line(ics, "DTSTAMP:" + stamp);
                Line(ics, "DTSTART;VALUE=DATE:" + Date(day.Date));
                Line(ics, "DTEND;VALUE=DATE:" + Date(day.Date.AddDays(1)));
                Line(ics, "SUMMARY:" + Text($"{workout.Name} ({Duration(workout.DurationSeconds)})"));
                Line(ics, "DESCRIPTION:" + Text(Description(workout, url)));
                Line(ics, "CATEGORIES:" + Text(workout.Type.ToString()));
                if (url is not null)
                {
                    Line(ics, "URL;VALUE=URI:" + url);
                }

                // A training session does not make the rider busy for the whole day.
                Line(ics, "TRANSP:TRANSPARENT");
                Line(ics, "END:VEVENT");
            }
        }

        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static string Description(PlannedWorkout workout, string? url)
    {
        var text = new StringBuilder(workout.Description);
        text.Append("\n\n");
        foreach (var step in workout.Steps)
        {
            text.Append("- ").Append(Step(step)).Append('\n');
        }

        text.Append($"TSS {workout.TargetTss.ToString("0", CultureInfo.InvariantCulture)}, zone {workout.Zone}");
        if (url is not null)
        {
            text.Append("\n\n").Append(url);
        }

        return text.ToString();
    }

    private static string Step(WorkoutStep step)
    {
        var text = step.Kind switch
        {
            StepKind.Warmup => $"Warm-up {Duration(step.DurationSeconds)}, {Percent(step.PowerLow)} → {Percent(step.PowerHigh)} FTP",
            StepKind.Cooldown => $"Cool-down {Duration(step.DurationSeconds)}, {Percent(step.PowerLow)} → {Percent(step.PowerHigh)} FTP",
            StepKind.Steady => $"Steady {Duration(step.DurationSeconds)} at {Percent((step.PowerLow + step.PowerHigh) / 2)} FTP",
            _ when step.OffDurationSeconds > 0 =>
                $"{step.Repeat} × {Duration(step.DurationSeconds)} at {Percent(step.PowerHigh)} FTP, {Duration(step.OffDurationSeconds)} at {Percent(step.OffPower)} FTP between",
            _ => $"{step.Repeat} × {Duration(step.DurationSeconds)} at {Percent(step.PowerHigh)} FTP",
        };
        return step.CadenceRpm is { } rpm ? $"{text}, {rpm} rpm" : text;
    }

    private static string Percent(double fractionOfFtp) => Math.Round(fractionOfFtp * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"1 h 30 min", "45 min", "4 min 45 s", "15 s".</summary>
    private static string Duration(int seconds)
    {
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        var parts = new List<string>(3);
        if (h > 0)
        {
            parts.Add($"{h} h");
        }

        if (m > 0)
        {
            parts.Add($"{m} min");
        }

        if (s > 0 || parts.Count == 0)
        {
            parts.Add($"{s} s");
        }

        return string.Join(' ', parts);
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>An RFC 5545 TEXT value: backslash, semicolon and comma escaped, line breaks as <c>\n</c>.</summary>
    private static string Text(string value) => value
        .Replace("\\", "\\\\")
        .Replace(";", "\\;")
        .Replace(",", "\\,")
        .Replace("\r\n", "\\n")
        .Replace("\n", "\\n")
        .Replace("\r", "\\n");

    /// <summary>
    /// Appends a content line folded at 75 octets (RFC 5545 §3.1): each continuation starts with one space, which
    /// counts towards its 75. Whole characters only (a rune's UTF-8 bytes stay on one line), so no emoji is split.
    /// </summary>
    private static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        var index = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxLineOctets)
            {
                ics.Append("\r\n ");
                octets = 1;
            }

            ics.Append(line, index, rune.Utf16SequenceLength);
            index += rune.Utf16SequenceLength;
            octets += rune.Utf8SequenceLength;
        }

        ics.Append("\r\n");
    }
}
