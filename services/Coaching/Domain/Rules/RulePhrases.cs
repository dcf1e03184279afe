using System.Globalization;
using System.Text.RegularExpressions;

namespace CyclingCoach.Coaching.Domain.Rules;

/// <summary>
/// The vocabulary <see cref="BuiltInRuleParser"/> is written in: regular-expression fragments for numbers, durations,
/// weekdays and dates, and the functions that turn what they matched into values.
/// </summary>
internal static class RulePhrases
{
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Bounds the work on hostile input; a clause that times out is simply not understood.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private const string NumberWords = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

    public const string Count = $@"(?:\d+|{NumberWords}|a\s+single|single|an?)";

    private const string Number = $@"(?:\d+(?:\.\d+)?|{NumberWords}|half\s+an?|an?)";

    private const string HourUnit = @"(?:hours?|hrs?|h)(?![a-z])";

    private const string MinuteUnit = @"(?:minutes?|mins?|m)(?![a-z])";

    public const string Duration =
        $@"(?:{Number}\s*{HourUnit}(?:\s*(?:and\s+)?(?:a\s+half|\d+\s*(?:{MinuteUnit})?))?|{Number}\s*{MinuteUnit}|half\s+an?\s+hour)";

    /// <summary>A number before a duration's unit ("between 6 and 9 hours"): the unit may be left out.</summary>
    public const string LowerBound = $@"{Number}\s*(?:{HourUnit}|{MinuteUnit})?";

    public const string Day =
        @"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?(?![a-z])";

    private const string DayGroup = @"(?:week[\s-]?days|week[\s-]?ends?|every\s*day|all\s+days|any\s+day|daily)(?![a-z])";

    private const string DayItem = $@"(?:the\s+)?(?:{Day}\s*(?:-|–|to|through|thru|until)\s*{Day}|{DayGroup}|{Day})";

    /// <summary>Atomic: a list never gives back a day it matched, which keeps failing matches linear in its length.</summary>
    public const string Days = $@"(?>{DayItem}(?:\s*(?:,|/|&|\+|\band\b|\bor\b)\s*(?:and\s+|or\s+)?{DayItem})*)";

    public const string AtMost =
        @"(?:max(?:imum)?\.?(?:\s+of)?|at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|never\s+more\s+than|no\s+longer\s+than|not\s+longer\s+than|less\s+than|under|only|a\s+max(?:imum)?\s+of|limit(?:ed)?\s+to|capped\s+at|cap\s+of|tops)";

    public const string AtMostAfter = @"(?:max(?:imum)?|at\s+most|at\s+the\s+most|tops|or\s+less)";

    public const string AtLeast = @"(?:at\s+least|min(?:imum)?(?:\s+of)?|no\s+less\s+than|not\s+less\s+than|a\s+min(?:imum)?\s+of|more\s+than)";

    public const string AtLeastAfter = @"(?:min(?:imum)?|at\s+least|or\s+more)";

    public const string PerWeek = @"(?:(?:a|per|each|every|in\s+a|in\s+one|a\s+single)\s+week|weekly|/\s*(?:week|wk)|per\s+wk|a\s+wk|pw)";

    public const string PerDay = @"(?:(?:a|per|each|every|any|on\s+any|in\s+a|in\s+one|on\s+a|for\s+any)\s+(?:single\s+)?(?:day|ride|session|workout)|daily|/\s*day)";

    public const string Activity = @"(?:(?:of\s+)?(?:riding|training|cycling|ride\s+time|training\s+time|bike\s+time|on\s+the\s+bike)\s+)?";

    public const string Hard =
        @"(?:hard|intense|high[\s-]+intensity|intensity|intervals?|quality|tough|key|harder|structured|vo2\s*max|vo2|threshold)";

    public const string Sessions = @"(?:sessions?|workouts?|days?|rides?|efforts?|trainings?)";

    public const string InARow =
        @"(?:back[\s-]*to[\s-]*back|in\s+a\s+row|consecutive(?:ly)?|on\s+consecutive\s+days|on\s+successive\s+days|successive|two\s+days\s+running|adjacent)";

    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])";

    private const string Ordinal = @"\d{1,2}(?:st|nd|rd|th)?";

    private const string Iso = @"\d{4}-\d{2}-\d{2}";

    private const string Through = @"\s*(?:to|until|till|through|thru|-|–|—|and)\s*";

    public const string Date = $@"(?:{Iso}|{Ordinal}\s+(?:of\s+)?{Month},?\s+\d{{4}}|{Month}\s+{Ordinal},?\s+\d{{4}})";

    public const string DateSpan =
        $@"(?:{Date}{Through}{Date}|{Ordinal}{Through}{Ordinal}\s+(?:of\s+)?{Month},?\s+\d{{4}}|{Ordinal}\s+(?:of\s+)?{Month}{Through}{Ordinal}\s+(?:of\s+)?{Month},?\s+\d{{4}}|{Month}\s+{Ordinal}{Through}(?:{Month}\s+)?{Ordinal},?\s+\d{{4}}|{Date})";

    private static readonly Regex IsoDate = Build($@"^(?<y>\d{{4}})-(?<m>\d{{2}})-(?<d>\d{{2}})$");
    private static readonly Regex DayMonthYear = Build($@"^(?<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>{Month}),?\s+(?<y>\d{{4}})$");
    private static readonly Regex MonthDayYear = Build($@"^(?<m>{Month})\s+(?<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?<y>\d{{4}})$");
    private static readonly Regex TwoDates = Build($@"^(?<a>{Date}){Through}(?<b>{Date})$");
    private static readonly Regex DaysOfMonth = Build($@"^(?<a>\d{{1,2}})(?:st|nd|rd|th)?{Through}(?<b>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>{Month}),?\s+(?<y>\d{{4}})$");
    private static readonly Regex DayMonthToDayMonth = Build($@"^(?<a>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m1>{Month}){Through}(?<b>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m2>{Month}),?\s+(?<y>\d{{4}})$");
    private static readonly Regex MonthDayToDay = Build($@"^(?<m1>{Month})\s+(?<a>\d{{1,2}})(?:st|nd|rd|th)?{Through}(?:(?<m2>{Month})\s+)?(?<b>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?<y>\d{{4}})$");
    private static readonly Regex DurationParts = Build($@"^(?<n>{Number})\s*(?:(?<hours>{HourUnit})(?:\s*(?:and\s+)?(?:(?<half>a\s+half)|(?<min>\d+)\s*(?:{MinuteUnit})?))?|{MinuteUnit})$");
    private static readonly Regex DayTokens = Build(DayItem);
    private static readonly Regex DayRange = Build($@"^(?:the\s+)?(?<a>{Day})\s*(?:-|–|to|through|thru|until)\s*(?<b>{Day})$");

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static Regex Build(string pattern) => new(pattern, Options, Timeout);

    /// <summary>"Monday-first" order, for stable output.</summary>
    public static int Order(DayOfWeek day) => ((int)day + 6) % 7;

    public static double? ParseNumber(string text)
    {
        var t = Regex.Replace(text.Trim().ToLowerInvariant(), @"\s+", " ");
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        return t switch
        {
            "a" or "an" or "single" or "a single" => 1,
            "half a" or "half an" => 0.5,
            _ => Array.IndexOf(NumberWords.Split('|'), t) is var i and >= 0 ? i + 1 : null,
        };
    }

    /// <summary>A matched <see cref="Duration"/> in hours.</summary>
    public static double? ParseHours(string text)
    {
        var t = Regex.Replace(text.Trim(), @"\s+", " ");
        if (t.Equals("half an hour", StringComparison.OrdinalIgnoreCase) || t.Equals("half a hour", StringComparison.OrdinalIgnoreCase))
        {
            return 0.5;
        }

        var match = DurationParts.Match(t);
        if (!match.Success || ParseNumber(match.Groups["n"].Value) is not { } n)
        {
            return null;
        }

        if (!match.Groups["hours"].Success)
        {
            return n / 60;
        }

        return n + (match.Groups["half"].Success ? 0.5 : 0) + (match.Groups["min"].Success ? double.Parse(match.Groups["min"].Value, CultureInfo.InvariantCulture) / 60 : 0);
    }

    /// <summary>A matched <see cref="Days"/> list as weekdays ("weekends", "Monday to Friday", "tue, thu and sat").</summary>
    public static HashSet<DayOfWeek> ParseDays(string text)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (Match token in DayTokens.Matches(text))
        {
            var value = Regex.Replace(token.Value.ToLowerInvariant(), @"^the\s+|[\s-]", "");
            if (DayRange.Match(token.Value) is { Success: true } range)
            {
                var (from, to) = (Order(OneDay(range.Groups["a"].Value)), Order(OneDay(range.Groups["b"].Value)));
                for (var i = from; ; i = (i + 1) % 7)
                {
                    days.Add(Week[i]);
                    if (i == to)
                    {
                        break;
                    }
                }
            }
            else if (value.StartsWith("weekday"))
            {
                days.UnionWith(Week[..5]);
            }
            else if (value.StartsWith("weekend"))
            {
                days.UnionWith(Week[5..]);
            }
            else if (value is "everyday" or "alldays" or "anyday" or "daily")
            {
                days.UnionWith(Week);
            }
            else
            {
                days.Add(OneDay(value));
            }
        }

        return days;
    }

    public static DayOfWeek OneDay(string text) => text.Trim().ToLowerInvariant()[..2] switch
    {
        "mo" => DayOfWeek.Monday,
        "tu" => DayOfWeek.Tuesday,
        "we" => DayOfWeek.Wednesday,
        "th" => DayOfWeek.Thursday,
        "fr" => DayOfWeek.Friday,
        "sa" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    public static DateOnly? ParseDate(string text)
    {
        var t = Regex.Replace(text.Trim(), @"\s+", " ");
        var match = new[] { IsoDate, DayMonthYear, MonthDayYear }.Select(r => r.Match(t)).FirstOrDefault(m => m.Success);
        if (match is null)
        {
            return null;
        }

        var month = int.TryParse(match.Groups["m"].Value, out var m) ? m : ParseMonth(match.Groups["m"].Value);
        return Make(int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture), month, int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A matched <see cref="DateRange"/>: both ends inclusive; null when a date does not exist or the range runs backwards.</summary>
    public static (DateOnly From, DateOnly To)? ParseDateRange(string text)
    {
        var t = Regex.Replace(text.Trim(), @"\s+", " ");
        DateOnly? from = null, to = null;
        if (TwoDates.Match(t) is { Success: true } two)
        {
            (from, to) = (ParseDate(two.Groups["a"].Value), ParseDate(two.Groups["b"].Value));
        }
        else if (DaysOfMonth.Match(t) is { Success: true } days)
        {
            var (year, month) = (Int(days, "y"), ParseMonth(days.Groups["m"].Value));
            (from, to) = (Make(year, month, Int(days, "a")), Make(year, month, Int(days, "b")));
        }
        else if (DayMonthToDayMonth.Match(t) is { Success: true } spans)
        {
            var (m1, m2, year) = (ParseMonth(spans.Groups["m1"].Value), ParseMonth(spans.Groups["m2"].Value), Int(spans, "y"));
            // "24 December to 2 January 2027": the year written belongs to the end.
            (from, to) = (Make(m1 > m2 ? year - 1 : year, m1, Int(spans, "a")), Make(year, m2, Int(spans, "b")));
        }
        else if (MonthDayToDay.Match(t) is { Success: true } american)
        {
            var m1 = ParseMonth(american.Groups["m1"].Value);
            var m2 = american.Groups["m2"].Success ? ParseMonth(american.Groups["m2"].Value) : m1;
            var year = Int(american, "y");
            (from, to) = (Make(m1 > m2 ? year - 1 : year, m1, Int(american, "a")), Make(year, m2, Int(american, "b")));
        }
        else
        {
            from = to = ParseDate(t);
        }

        return from is { } f && to is { } e && f <= e ? (f, e) : null;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int ParseMonth(string text) => Array.FindIndex(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        m => text.Trim().StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1;

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
