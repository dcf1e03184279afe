using System.Text.RegularExpressions;
using static CyclingCoach.Coaching.Domain.Rules.RulePhrases;

namespace CyclingCoach.Coaching.Domain.Rules;

/// <summary>
/// The built-in coach's reading of a rider's rules, in English, without a language model. The text is cut into
/// clauses at sentence ends, new lines, semicolons and bullets; a clause is further cut at commas, "and" and "but"
/// only where each part is a rule on its own ("max 8 hours a week and no back-to-back hard days", but not
/// "Tuesday, Thursday and Sunday"). A clause must be a rule as a whole to count; whatever is not goes verbatim
/// (trimmed) into <see cref="RuleParseResult.NotUnderstood"/>. Nothing throws; a later clause wins over an earlier one.
/// Understood (numbers as digits or one–twelve, durations as h / hrs / hours / min / "1h30" / "an hour and a half"):
/// <list type="bullet">
/// <item>available days: "I can ride Tuesday, Thursday, Saturday and Sunday", "I can only ride on weekends",
/// "available Monday to Friday", "weekdays only", "weekends", "any day except Friday";</item>
/// <item>unavailable days: "I can't ride on Mondays", "not available on Fridays", "no riding on Wednesdays", "but not Fridays";</item>
/// <item>rest days (a day both available and rest is rest): "Monday is a rest day", "Mondays are my days off",
/// "rest on Fridays", "always take Monday off", "rest days: Monday, Friday", "Mondays off";</item>
/// <item>weekly hours: "max 8 hours a week", "no more than 10h per week", "at least 5 hours a week",
/// "between 6 and 9 hours a week", "6-9 hours a week", "I can ride up to 8 hours a week", "8 hours a week";</item>
/// <item>day caps: "max 2 hours per day", "no more than 1.5 hours on weekdays", "Tuesdays at most 1 hour",
/// "90 minutes max on Wednesday";</item>
/// <item>the long ride: "long ride on Saturday", "long ride on Sunday up to 4 hours", "Saturday is my long ride day",
/// "my long ride can be 5h max";</item>
/// <item>hard sessions: "max 2 hard sessions per week", "no more than three intense workouts a week",
/// "2 interval sessions a week", "no hard sessions"; "no back-to-back hard days", "never two hard days in a row",
/// "hard days should not be consecutive", "an easy day between hard days";</item>
/// <item>blackout dates, with the year written: "no riding 2026-12-24 to 2026-12-26", "away from 3 to 10 January 2027",
/// "off on 2027-02-14", "on holiday 24 December to 2 January 2027", "travelling March 3-5, 2027";</item>
/// <item>events: "target event: Gran Fondo Girona on 2027-05-17", "my goal race is the Tour of Flanders sportive on
/// 18 April 2027", "I'm training for the Marmotte on 5 July 2027" (priority A); with a priority: "B race: Local crit on
/// 2027-04-10", "C event - club TT on 2027-05-02", "Dwars door on 2027-03-28 (B race)", "Ronde on 2027-04-04 is my
/// B race", "Omloop on 2027-02-27, priority C". Several events are kept; the same name again replaces the earlier one.</item>
/// </list>
/// </summary>
public static class BuiltInRuleParser
{
    /// <summary>Longer clauses are not rules anyone writes; they are reported, not searched.</summary>
    private const int LongestClause = 300;

    /// <summary>The most comma / "and" pieces one rule may span ("Monday, Tuesday, …, Sunday").</summary>
    private const int LongestJoin = 12;

    private static readonly Regex LineBreaks = Build(@"\r\n|\r|\n");
    private static readonly Regex Bullet = Build(@"^\s*(?:[-*•·–—]|\d{1,2}[.)])\s+");
    private static readonly Regex SentenceEnds = Build(@"(?<=[.!?;])\s+|;");
    private static readonly Regex PieceBreaks = Build(@"\s*,\s*|\s+(?:and|but)\s+");
    private static readonly Regex Filler = Build(@"^(?:(?:and|but|also|plus|please|ideally|then|i'd\s+like\s+to|i\s+would\s+like\s+to|i\s+want\s+to)\s+)+|(?:\s+please)?[\s.!?,;:]+$");

    private delegate Action<Draft>? Reading(string clause);

    private static readonly Reading[] Readings =
    [
        Clauses.TargetEvent, Clauses.Blackout, Clauses.LongRide, Clauses.HardSessions, Clauses.BackToBack,
        Clauses.Hours, Clauses.RestDays, Clauses.AvailableDays, Clauses.UnavailableDays,
    ];

    public static RuleParseResult Parse(string? text)
    {
        var draft = new Draft();
        var notUnderstood = new List<string>();
        foreach (var line in LineBreaks.Split(text ?? ""))
        {
            foreach (var sentence in SentenceEnds.Split(Bullet.Replace(line, "")))
            {
                ReadSentence(sentence.Trim(), draft, notUnderstood);
            }
        }

        return new RuleParseResult(draft.ToRuleSet(), notUnderstood);
    }

    /// <summary>
    /// Cuts the sentence into pieces and, from the left, takes the longest run of pieces that reads as one rule; a
    /// piece that starts no rule joins the not-understood text next to it.
    /// </summary>
    private static void ReadSentence(string sentence, Draft draft, List<string> notUnderstood)
    {
        var pieces = Pieces(sentence);
        int? unknownFrom = null;
        for (var i = 0; i < pieces.Count;)
        {
            var read = false;
            for (var j = Math.Min(pieces.Count - 1, i + LongestJoin - 1); j >= i && !read; j--)
            {
                if (Read(sentence[pieces[i].Start..pieces[j].End]) is { } apply)
                {
                    if (unknownFrom is { } from)
                    {
                        Report(sentence[pieces[from].Start..pieces[i - 1].End], notUnderstood);
                        unknownFrom = null;
                    }

                    apply(draft);
                    i = j + 1;
                    read = true;
                }
            }

            if (!read)
            {
                unknownFrom ??= i;
                i++;
            }
        }

        if (unknownFrom is { } rest)
        {
            Report(sentence[pieces[rest].Start..pieces[^1].End], notUnderstood);
        }
    }

    private static List<(int Start, int End)> Pieces(string sentence)
    {
        var pieces = new List<(int Start, int End)>();
        var start = 0;
        foreach (Match cut in PieceBreaks.Matches(sentence))
        {
            pieces.Add((start, cut.Index));
            start = cut.Index + cut.Length;
        }

        pieces.Add((start, sentence.Length));
        return pieces.Where(p => p.End > p.Start).ToList();
    }

    private static void Report(string text, List<string> notUnderstood)
    {
        var trimmed = text.Trim().TrimEnd('.', '!', '?', ',', ';', ':').Trim();
        // Stray punctuation ("-", "...") is no phrase to report.
        if (trimmed.Any(char.IsLetterOrDigit))
        {
            notUnderstood.Add(trimmed);
        }
    }

    private static Action<Draft>? Read(string clause)
    {
        var text = Regex.Replace(clause.Replace('’', '\''), @"\s+", " ").Trim();
        if (text.Length > LongestClause)
        {
            return null;
        }

        try
        {
            text = Filler.Replace(text, "");
            return text.Length == 0 ? null : Readings.Select(reading => reading(text)).FirstOrDefault(apply => apply is not null);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>One reading per kind of rule: each returns how the clause changes the rules, or null when it is not that rule.</summary>
    private static class Clauses
    {
        private const string Riding = @"(?:ride|train|cycle|ride\s+my\s+bike|go\s+out)";

        private static readonly Regex[] EventForms =
        [
            Build($@"^(?:my\s+|the\s+|a\s+)?(?:(?:main|target|goal|key|big|a)\s+)?(?:target|goal|event|race|sportive|objective)(?:\s+(?:event|race))?\s*(?:is|will\s+be|:|-|=)?\s*(?:the\s+)?(?<name>.+?)(?:\s*,\s*|\s+on\s+(?:the\s+)?|\s+-\s+|\s*\(\s*|\s+)(?<date>{Date})\)?$"),
            Build($@"^(?:i(?:'m|\s+am)\s+)?(?:training|preparing|riding|racing|doing)\s+(?:for\s+)?(?:the\s+)?(?<name>.+?)(?:\s*,\s*|\s+on\s+(?:the\s+)?|\s+-\s+|\s*\(\s*)(?<date>{Date})\)?$"),
            Build($@"^(?:the\s+)?(?<name>.+?)\s+on\s+(?<date>{Date})\s+is\s+my\s+(?:target|goal|main\s+event|race|event|target\s+event|goal\s+race)$"),
        ];

        /// <summary>"Name on date" alone is an event only when a priority said so ("… (B race)").</summary>
        private static readonly Regex BareEvent = Build($@"^(?:the\s+)?(?<name>.+?)(?:\s*,\s*|\s+on\s+(?:the\s+)?|\s+-\s+|\s*\(\s*)(?<date>{Date})\)?$");

        private const string EventWord = @"(?:race|event|sportive|goal|target|priority)";

        private static readonly Regex LeadingPriority = Build($@"^(?:my\s+|the\s+|an?\s+)?(?<p>[abc])[\s-]+(?:priority\s+)?(?={EventWord})");

        private static readonly Regex TrailingPriority = Build(
            $@"(?:\s*\(\s*(?:priority\s+)?(?<p>[abc])(?:[\s-]+{EventWord})?\s*\)|\s*,?\s+(?:is\s+|as\s+)?(?:my\s+|an?\s+)?(?<p>[abc])[\s-]+{EventWord}|\s*,?\s+priority\s+(?<p>[abc]))$");

        private const string Away =
            @"no\s+(?:riding|training|rides?|cycling|sessions?|bike)|away|off|on\s+(?:holiday|holidays|vacation|a\s+trip|a\s+business\s+trip|leave)|travel(?:l)?ing|unavailable|not\s+available|busy|can't\s+ride|cannot\s+ride|blackout(?:\s+dates?)?|holidays?|vacation|out\s+of\s+town";

        private static readonly Regex[] BlackoutForms =
        [
            Build($@"^(?:i(?:'m|\s+am|'ll\s+be|\s+will\s+be)\s+)?(?<what>{Away})\s*(?:on|from|between|:|-|during)?\s*(?:the\s+)?(?<range>{DateSpan})(?:\s*\((?<reason>[^)]*)\))?$"),
            Build($@"^(?:from\s+|on\s+|between\s+)?(?:the\s+)?(?<range>{DateSpan})\s*[:,-]?\s*(?:i(?:'m|\s+am|'ll\s+be|\s+will\s+be)\s+)?(?<what>{Away})(?:\s*\((?<reason>[^)]*)\))?$"),
        ];

        private static readonly Regex LongRideForm = Build(
            $@"^(?:my\s+|the\s+|a\s+|i\s+do\s+(?:my\s+|the\s+|a\s+)?|i\s+(?:want|like|prefer)\s+(?:my\s+|the\s+|a\s+)?|do\s+(?:the\s+|my\s+|a\s+)?)?long\s+rides?(?:\s+days?)?\s*(?:is|are|should\s+be|will\s+be|:|-)?\s*(?:(?:on\s+)?(?:the\s+)?(?<day>{Day}))?\s*,?\s*(?:(?:it\s+)?(?:can\s+be|can\s+last|should\s+be|is|of|lasting|for)?\s*(?:(?:{AtMost})\s*(?:of\s+)?(?<dur>{Duration})|(?<dur>{Duration})\s*(?:{AtMostAfter})?))?$");

        private static readonly Regex LongRideDayForm = Build(
            $@"^(?:on\s+)?(?:the\s+)?(?<day>{Day})\s*(?:is|are|:|-|=|for)?\s*(?:my\s+|the\s+|for\s+(?:the\s+|my\s+)?)?long\s+rides?(?:\s+days?)?$");

        private static readonly Regex[] HardCountForms =
        [
            Build($@"^(?:i\s+(?:can|want\s+to|would\s+like\s+to|like\s+to)\s+(?:do\s+)?|do\s+)?(?:(?<most>{AtMost})\s*)?(?:of\s+)?(?<n>{Count})\s+{Hard}(?:\s+{Sessions})?\s+{PerWeek}(?:\s+(?:{AtMostAfter}))?$"),
            Build($@"^{Hard}(?:\s+{Sessions})?\s*[:,-]?\s*(?:(?:{AtMost})\s*)?(?<n>{Count})\s+{PerWeek}$"),
            Build($@"^(?:no|zero)\s+{Hard}(?:\s+{Sessions})?(?:\s+at\s+all)?(?<zero>)$"),
        ];

        private const string Never =
            @"(?:i\s+)?(?:no|never|avoid|not|without|never\s+do|don't\s+(?:do|want|schedule|plan|put)|do\s+not\s+(?:do|want|schedule|plan|put)|i\s+don't\s+want|i\s+do\s+not\s+want)";

        private static readonly Regex[] BackToBackForms =
        [
            Build($@"^{Never}\s+(?:any\s+|two\s+|2\s+)?(?:{InARow}\s+)?{Hard}(?:\s+{Sessions})?(?:\s+{InARow})?$"),
            Build($@"^{Hard}(?:\s+{Sessions})?\s+(?:should\s+|must\s+|can\s+)?(?:never|not)\s+(?:be\s+)?{InARow}$"),
            Build($@"^(?:always\s+)?(?:an?\s+)?(?:easy|rest|recovery)\s+day\s+(?:in\s+)?between\s+(?:the\s+|my\s+)?{Hard}(?:\s+{Sessions})?$"),
        ];

        private static readonly Regex InARowWords = Build(InARow);

        private const string Scope = $@"(?:(?<week>{PerWeek})|(?<perday>{PerDay})|(?:on|for|during)?\s*(?:the\s+)?(?<days>{Days}))";

        private const string Bound = $@"(?:(?<least>{AtLeast})|(?<most>{AtMost}))?\s*(?:of\s+)?";

        private const string BoundAfter = $@"(?:\s*(?:(?<leastafter>{AtLeastAfter})|(?<mostafter>{AtMostAfter})))?";

        private const string HoursLead = $@"^(?:i\s+)?(?:can\s+|could\s+|want\s+to\s+|would\s+like\s+to\s+|like\s+to\s+|have\s+|have\s+got\s+|got\s+)?(?:(?:ride|train|cycle|do|spend|riding|training)\s+)?(?:for\s+)?(?:about\s+|around\s+|roughly\s+)?";

        private static readonly Regex[] HoursForms =
        [
            Build($@"{HoursLead}{Bound}(?<dur>{Duration}){BoundAfter}\s*{Activity}{Scope}{BoundAfter}$"),
            Build($@"^(?:on\s+)?(?:the\s+)?(?<days>{Days})\s*[,:]?\s*(?:i\s+can\s+(?:ride|train)\s+)?{Bound}(?<dur>{Duration}){BoundAfter}$"),
            Build($@"{HoursLead}(?:between\s+)?(?<low>{LowerBound})\s*(?:and|to|-|–)\s*(?<dur>{Duration})\s*{Activity}(?<week>{PerWeek})$"),
        ];

        private const string RestWord = @"(?:rest\s*days?|rest|days?\s+off|off(?:\s+days?)?|days?\s+of\s+rest|recovery\s+days?)";

        private static readonly Regex[] RestForms =
        [
            Build($@"^(?:the\s+)?(?<days>{Days})\s+(?:is|are|will\s+be|should\s+be|must\s+be|stays?|remains?)\s+(?:always\s+)?(?:a\s+|my\s+|the\s+)?{RestWord}(?:\s+always)?$"),
            Build($@"^(?:i\s+)?(?:(?:always|must|need\s+to|want\s+to|like\s+to|prefer\s+to|usually)\s+)*(?:take|have|keep)\s+(?:the\s+)?(?:(?<days>{Days})\s+off|(?:a\s+)?(?:rest\s+day|day\s+off)\s+(?:on\s+)?(?:the\s+)?(?<days>{Days}))(?:\s+always)?$"),
            Build($@"^(?:i\s+)?(?:(?:always|must|need\s+to|want\s+to|like\s+to|prefer\s+to|usually)\s+)*rest\s+(?:on\s+)?(?:the\s+)?(?<days>{Days})$"),
            Build($@"^(?:a\s+|my\s+)?(?:rest\s*days?|days?\s+off)\s*(?:on|is|are|:|=|-)?\s*(?:on\s+)?(?:the\s+)?(?<days>{Days})$"),
            Build($@"^(?:the\s+)?(?<days>{Days})\s+(?:off|rest|(?:as\s+)?(?:a\s+)?rest\s*days?)$"),
        ];

        private static readonly Regex[] AvailableForms =
        [
            Build($@"^(?:i\s+)?(?:can|could|am\s+able\s+to|'m\s+able\s+to|only\s+have\s+time\s+to)?\s*(?:only\s+)?{Riding}\s+(?:only\s+)?(?:on\s+)?(?:the\s+)?(?<days>{Days})(?:\s+only)?$"),
            Build($@"^(?:i(?:'m|\s+am)\s+)?(?:only\s+)?(?:available|free)\s+(?:to\s+(?:ride|train)\s+)?(?:only\s+)?(?:on\s+)?(?:the\s+)?(?<days>{Days})(?:\s+only)?$"),
            Build($@"^(?:on\s+)?(?:the\s+)?(?<days>{Days})\s+only$|^only\s+(?:on\s+)?(?:the\s+)?(?<days>{Days})$|^(?:the\s+)?(?<days>week[\s-]?ends?|week[\s-]?days)$"),
        ];

        private static readonly Regex AnyDayExcept = Build(
            $@"^(?:i\s+can\s+{Riding}\s+)?(?:on\s+)?(?:any|every|all)\s*(?:days?|the\s+days)(?:\s+of\s+the\s+week)?\s*,?\s+(?:except|but|apart\s+from|other\s+than|besides|excluding)\s+(?:on\s+)?(?:the\s+)?(?<days>{Days})$");

        private static readonly Regex[] UnavailableForms =
        [
            Build($@"^(?:i\s+)?(?:can't|cannot|can\s+not|don't|do\s+not|won't|will\s+not|never)\s+{Riding}\s+(?:on\s+)?(?:the\s+)?(?<days>{Days})$"),
            Build($@"^(?:i(?:'m|\s+am)\s+)?(?:not\s+available|unavailable|busy|not\s+free)\s+(?:on\s+)?(?:the\s+)?(?<days>{Days})$"),
            Build($@"^no\s+(?:riding|training|rides|cycling|sessions)\s+(?:on\s+)?(?:the\s+)?(?<days>{Days})$"),
            Build($@"^(?:on\s+)?(?:the\s+)?(?<days>{Days})\s+(?:i\s+)?(?:can't|cannot|can\s+not|am\s+busy|i'm\s+busy)(?:\s+{Riding})?$"),
            Build($@"^not\s+(?:on\s+)?(?:the\s+)?(?<days>{Days})$"),
        ];

        private static readonly Regex Year = Build(@"\d{4}");

        private static readonly Regex HardWord = Build(Hard);

        private static readonly Regex Negation = Build(@"n't|\bnot\b|\bno\b|\bnever\b|unavailable|busy");

        private static Match? First(Regex[] forms, string text) => forms.Select(f => f.Match(text)).FirstOrDefault(m => m.Success);

        private static bool Mentions(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

        public static Action<Draft>? TargetEvent(string text)
        {
            // Cheap checks first: most clauses are not this rule, and a long clause makes the full forms costly.
            if (!Year.IsMatch(text))
            {
                return null;
            }

            // A priority before or after the event ("B race: …", "… (C event)") is read, then taken off.
            var priority = EventPriority.A;
            var marked = false;
            foreach (var form in new[] { LeadingPriority, TrailingPriority })
            {
                if (form.Match(text) is { Success: true } p)
                {
                    priority = Enum.Parse<EventPriority>(p.Groups["p"].Value, ignoreCase: true);
                    text = text.Remove(p.Index, p.Length).Trim();
                    marked = true;
                }
            }

            if ((First(EventForms, text) ?? (marked ? BareEvent.Match(text) is { Success: true } bare ? bare : null : null)) is not { } match
                || ParseDate(match.Groups["date"].Value) is not { } date)
            {
                return null;
            }

            var name = Regex.Replace(match.Groups["name"].Value.Trim().TrimEnd(',', ':', '-').Trim(), @"^the\s+", "", RegexOptions.IgnoreCase);
            return name.Length is 0 or > 100 ? null : d =>
            {
                d.Events.RemoveAll(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
                d.Events.Add(new TargetEvent(name, date, priority));
            };
        }

        public static Action<Draft>? Blackout(string text)
        {
            if (!Year.IsMatch(text) || First(BlackoutForms, text) is not { } match || ParseDateRange(match.Groups["range"].Value) is not { } range)
            {
                return null;
            }

            var reason = match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : match.Groups["what"].Value.Trim().ToLowerInvariant();
            return d => d.Blackouts.Add(new DateRange(range.From, range.To, reason));
        }

        public static Action<Draft>? LongRide(string text)
        {
            if (!Mentions(text, "long"))
            {
                return null;
            }

            var match = LongRideForm.Match(text);
            if (!match.Success)
            {
                match = LongRideDayForm.Match(text);
            }

            if (!match.Success || (!match.Groups["day"].Success && !match.Groups["dur"].Success))
            {
                return null;
            }

            DayOfWeek? day = match.Groups["day"].Success ? OneDay(match.Groups["day"].Value) : null;
            var hours = match.Groups["dur"].Success ? ParseHours(match.Groups["dur"].Value) : null;
            if (match.Groups["dur"].Success && hours is not > 0)
            {
                return null;
            }

            return d =>
            {
                d.LongRideDay = day ?? d.LongRideDay;
                d.LongRideMaxHours = hours ?? d.LongRideMaxHours;
            };
        }

        public static Action<Draft>? HardSessions(string text)
        {
            if (!HardWord.IsMatch(text) || First(HardCountForms, text) is not { } match)
            {
                return null;
            }

            var count = match.Groups["zero"].Success ? 0 : ParseNumber(match.Groups["n"].Value);
            return count is { } n && n == Math.Floor(n) && n <= 14 ? d => d.MaxHard = (int)n : null;
        }

        public static Action<Draft>? BackToBack(string text)
        {
            var match = HardWord.IsMatch(text) ? First(BackToBackForms, text) : null;
            // The first form reads "no hard days" too; without "in a row" or its like that is the count rule instead.
            return match is null || (match.Value.Contains("between", StringComparison.OrdinalIgnoreCase) is false && !InARowWords.IsMatch(text))
                ? null
                : d => d.NoBackToBack = true;
        }

        public static Action<Draft>? Hours(string text)
        {
            if (First(HoursForms, text) is not { } match || ParseHours(match.Groups["dur"].Value) is not { } hours || hours <= 0 || hours > 7 * 24)
            {
                return null;
            }

            var least = match.Groups["least"].Success || match.Groups["leastafter"].Success;
            if (match.Groups["low"].Success)
            {
                // "between 6 and 9 hours": the unit of the lower bound is the upper bound's when left out.
                var low = ParseHours(match.Groups["low"].Value) ?? ParseNumber(match.Groups["low"].Value) * (hours / ParseNumber(Regex.Match(match.Groups["dur"].Value, @"^[\d.]+|^\w+").Value));
                return low is { } l && l > 0 && l <= hours ? d => (d.MinWeek, d.MaxWeek) = (l, hours) : null;
            }

            if (match.Groups["week"].Success)
            {
                return least ? d => d.MinWeek = hours : d => d.MaxWeek = hours;
            }

            if (least || hours > 24)
            {
                return null;
            }

            if (match.Groups["perday"].Success)
            {
                return d => d.MaxDay = hours;
            }

            var days = ParseDays(match.Groups["days"].Value);
            return days.Count == 7 ? d => d.MaxDay = hours : d =>
            {
                foreach (var day in days)
                {
                    d.DayCaps[day] = hours;
                }
            };
        }

        public static Action<Draft>? RestDays(string text) => (Mentions(text, "rest") || Mentions(text, "off")) && First(RestForms, text) is { } match ? d => d.Rest.UnionWith(ParseDays(match.Groups["days"].Value)) : null;

        public static Action<Draft>? AvailableDays(string text)
        {
            if (AnyDayExcept.Match(text) is { Success: true } except)
            {
                var excluded = ParseDays(except.Groups["days"].Value);
                return d => d.Excluded.UnionWith(excluded);
            }

            return First(AvailableForms, text) is { } match ? d => (d.Available ??= []).UnionWith(ParseDays(match.Groups["days"].Value)) : null;
        }

        public static Action<Draft>? UnavailableDays(string text) =>
            Negation.IsMatch(text) && First(UnavailableForms, text) is { } match ? d => d.Excluded.UnionWith(ParseDays(match.Groups["days"].Value)) : null;
    }

    /// <summary>The rules as they are read, clause by clause.</summary>
    private sealed class Draft
    {
        public HashSet<DayOfWeek>? Available { get; set; }
        public HashSet<DayOfWeek> Excluded { get; } = [];
        public HashSet<DayOfWeek> Rest { get; } = [];
        public double? MaxWeek { get; set; }
        public double? MinWeek { get; set; }
        public double? MaxDay { get; set; }
        public Dictionary<DayOfWeek, double> DayCaps { get; } = [];
        public DayOfWeek? LongRideDay { get; set; }
        public double? LongRideMaxHours { get; set; }
        public int? MaxHard { get; set; }
        public bool NoBackToBack { get; set; }
        public List<DateRange> Blackouts { get; } = [];
        public List<TargetEvent> Events { get; } = [];

        public RuleSet ToRuleSet()
        {
            static List<DayOfWeek> Sorted(IEnumerable<DayOfWeek> days) => days.OrderBy(Order).ToList();

            List<DayOfWeek>? available = null;
            if (Available is not null || Excluded.Count > 0)
            {
                var days = (Available ?? Enum.GetValues<DayOfWeek>().ToHashSet()).Except(Excluded).Except(Rest).ToList();
                // Every day (no rest day named) is no availability rule at all.
                available = days.Count == 7 ? null : Sorted(days);
            }

            return new RuleSet
            {
                AvailableDays = available,
                RestDays = Sorted(Rest),
                MaxHoursPerWeek = MaxWeek,
                MinHoursPerWeek = MinWeek,
                MaxHoursPerDay = MaxDay,
                DayCaps = DayCaps.OrderBy(c => Order(c.Key)).Select(c => new DayCap(c.Key, c.Value)).ToList(),
                LongRideDay = LongRideDay,
                LongRideMaxHours = LongRideMaxHours,
                MaxHardSessionsPerWeek = MaxHard,
                NoBackToBackHardDays = NoBackToBack,
                BlackoutDates = Blackouts.OrderBy(b => b.From).ToList(),
                Events = Events.OrderBy(e => e.Date).ToList(),
            };
        }
    }
}
