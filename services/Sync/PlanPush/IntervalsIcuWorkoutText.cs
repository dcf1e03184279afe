using System.Globalization;
using System.Text;
using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>
/// A session in intervals.icu's workout text, which it parses from an event's <c>description</c> into structured steps
/// and then syncs to Garmin, Wahoo, COROS, Suunto and Zwift (intervals.icu forum, "Workout builder syntax"; the same
/// lines public clients send, e.g. <c>- 15m 55% Warmup</c>, <c>3x</c> followed by its steps, <c>- 10m ramp 50-75%</c>,
/// <c>- 3m 110% 95rpm</c>). A step is a line starting with "- ", a line ending in "Nx" repeats the steps under it up to
/// the next blank line, and any other line is a heading. Powers are % of the FTP set in intervals.icu, so the rider's
/// FTP there scales the session.
/// </summary>
public static class IntervalsIcuWorkoutText
{
    public static string Of(PlannedSession session)
    {
        var text = new StringBuilder();
        foreach (var line in session.Description.Split('\n', StringSplitOptions.TrimEntries))
        {
            // Free text must not read as a step or a repeat: a leading "-" would be parsed as one.
            text.Append(line.TrimStart('-', ' ')).Append('\n');
        }

        text.Append('\n');
        foreach (var step in session.Steps)
        {
            switch (step.Kind)
            {
                case "Intervals" when step.Repeat > 1 || step.OffDurationSeconds > 0:
                    text.Append(CultureInfo.InvariantCulture, $"Main set {Math.Max(1, step.Repeat)}x\n");
                    text.Append(Step(step.DurationSeconds, Percent(step.PowerHigh), step.CadenceRpm));
                    if (step.OffDurationSeconds > 0)
                    {
                        text.Append(Step(step.OffDurationSeconds, Percent(step.OffPower), null));
                    }

                    break;
                case "Warmup" or "Cooldown":
                    text.Append(step.Kind).Append('\n');
                    text.Append(step.PowerLow.Equals(step.PowerHigh)
                        ? Step(step.DurationSeconds, Percent(step.PowerLow), step.CadenceRpm)
                        : Step(step.DurationSeconds, $"ramp {Whole(step.PowerLow)}-{Whole(step.PowerHigh)}%", step.CadenceRpm));
                    break;
                case "Intervals":
                    text.Append(Step(step.DurationSeconds, Percent(step.PowerHigh), step.CadenceRpm));
                    break;
                default:
                    text.Append(Step(step.DurationSeconds, Percent((step.PowerLow + step.PowerHigh) / 2), step.CadenceRpm));
                    break;
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Step(int seconds, string target, int? cadence) =>
        $"- {Duration(seconds)} {target}{(cadence is { } rpm ? string.Create(CultureInfo.InvariantCulture, $" {rpm}rpm") : "")}\n";

    private static string Percent(double fraction) => $"{Whole(fraction)}%";

    private static string Whole(double fraction) => Math.Round(fraction * 100).ToString(CultureInfo.InvariantCulture);

    /// <summary>1h30m, 10m, 45s, 2m30s: intervals.icu's duration units.</summary>
    public static string Duration(int seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(1, seconds));
        var text = new StringBuilder();
        if (span.Hours > 0 || span.Days > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h");
        }

        if (span.Minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{span.Minutes}m");
        }

        if (span.Seconds > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{span.Seconds}s");
        }

        return text.ToString();
    }
}
