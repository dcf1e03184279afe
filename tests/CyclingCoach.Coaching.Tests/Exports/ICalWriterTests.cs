using System.Text;
using CyclingCoach.Coaching.Domain.Exports;
using CyclingCoach.Coaching.Domain.Plans;
using Ical.Net;
using static CyclingCoach.Coaching.Tests.Operations.TestPlans;

namespace CyclingCoach.Coaching.Tests.Exports;

public sealed class ICalWriterTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 1, 18, 30, 5, TimeSpan.Zero);

    private static string[] Lines(string ics) => ics.Split("\r\n");

    /// <summary>RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed.</summary>
    private static string[] Unfolded(string ics) => ics.Replace("\r\n ", "").Replace("\r\n\t", "").Split("\r\n");

    private static string Property(string ics, string name, int occurrence = 0) =>
        Unfolded(ics).Where(l => l.StartsWith(name + ":", StringComparison.Ordinal) || l.StartsWith(name + ";", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':') + 1)..]).ElementAt(occurrence);

    [Fact]
    public void A_standard_plan_parses_with_ical_net_to_one_all_day_event_per_session_and_none_on_rest_days()
    {
        var plan = Standard();
        var ics = ICalWriter.Write(plan, "CyclingCoach plan", GeneratedAt);

        var calendar = Calendar.Load(ics) ?? throw new InvalidOperationException("not parsed");

        // Two weeks of 5 sessions (Mon and Fri are rest).
        var events = calendar.Events.OrderBy(e => e.DtStart!.Date).ToList();
        Assert.Equal(10, events.Count);
        var sessions = plan.Days.Where(d => !d.IsRest).ToList();
        Assert.Equal(sessions.Select(d => d.Date), events.Select(e => e.DtStart!.Date));
        Assert.All(events, e => Assert.False(e.DtStart!.HasTime));
        Assert.All(events, e => Assert.Equal(e.DtStart!.Date.AddDays(1), e.DtEnd!.Date));
        Assert.DoesNotContain(events, e => e.DtStart!.Date == Day(0) || e.DtStart!.Date == Day(4));

        var tuesday = events[0];
        Assert.Equal("Threshold intervals (1 h)", tuesday.Summary);
        Assert.Equal("Long ride (3 h)", events[3].Summary);
        Assert.Equal("Endurance ride (1 h 30 min)", events[4].Summary);
        Assert.Equal(["Threshold"], tuesday.Categories);
        Assert.Equal($"{Day(1):yyyy-MM-dd}-0@cyclingcoach", tuesday.Uid);
        Assert.StartsWith(sessions[0].Workouts[0].Description + "\n\n- Warm-up 10 min, 45% → 70% FTP\n", tuesday.Description);
        Assert.Contains("- 3 × 8 min at 100% FTP, 4 min at 55% FTP between\n", tuesday.Description);
        Assert.Contains("- Cool-down 10 min, 60% → 40% FTP\n", tuesday.Description);
        Assert.Equal(GeneratedAt.UtcDateTime, tuesday.DtStamp?.AsUtc);

        Assert.Equal("CyclingCoach plan", calendar.Properties["X-WR-CALNAME"]?.Value);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("-//CyclingCoach//Training plan//EN", calendar.ProductId);
    }

    [Fact]
    public void Every_line_ends_in_crlf_and_none_is_longer_than_75_octets()
    {
        var ics = ICalWriter.Write(Standard(), "CyclingCoach plan", GeneratedAt, d => $"https://coach.example/plan/{d:yyyy-MM-dd}?view=day&from=calendar");

        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        Assert.DoesNotContain("\r", ics.Replace("\r\n", ""));
        Assert.All(Lines(ics), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
    }

    [Fact]
    public void A_long_description_with_accents_and_emoji_folds_at_75_octets_without_splitting_a_character()
    {
        // 300 characters of text mixing 1-, 2- (é) and 4-byte (🚴, a surrogate pair) characters.
        var description = string.Concat(Enumerable.Repeat("Côté 🚴 ", 38))[..300];
        var workout = WorkoutLibrary.Build(WorkoutType.Endurance, 3600) with { Description = description };
        var plan = WithDay(Plan((WorkoutType.Endurance, 60)), Day(0), workout);

        var ics = ICalWriter.Write(plan, "Plan", GeneratedAt);

        var lines = Lines(ics);
        var start = Array.FindIndex(lines, l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal));
        var folded = lines.Skip(start).TakeWhile((l, i) => i == 0 || l.StartsWith(' ')).ToList();
        Assert.True(folded.Count >= 5, $"only {folded.Count} lines");
        Assert.All(folded, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        // Full lines: a continuation is cut only when the next character would not fit.
        Assert.All(folded.SkipLast(1), l => Assert.True(Encoding.UTF8.GetByteCount(l) > 71, l));
        // No line starts or ends inside a character: a half emoji (lone surrogate) would not survive a UTF-8 round trip.
        Assert.All(folded, l => Assert.Equal(l, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(l))));
        // A line short of 75 octets was cut before a multi-byte character that did not fit: the case that matters.
        Assert.Contains(folded.SkipLast(1), l => Encoding.UTF8.GetByteCount(l) < 75);

        var parsed = Calendar.Load(ics)!.Events.Single();
        Assert.StartsWith(description + "\n\n", parsed.Description);
    }

    [Fact]
    public void Text_values_escape_backslash_semicolon_comma_and_newlines_and_read_back_unchanged()
    {
        const string name = @"Sweet spot; hills, C:\tempo";
        const string description = "Line one,\nline two; with \\ backslash\r\nend";
        var workout = WorkoutLibrary.Build(WorkoutType.SweetSpot, 3600) with { Name = name, Description = description };
        var plan = WithDay(Plan((WorkoutType.SweetSpot, 60)), Day(0), workout);

        var ics = ICalWriter.Write(plan, "Rider's plan; 2027, v2", GeneratedAt);

        Assert.Equal(@"Sweet spot\; hills\, C:\\tempo (1 h)", Property(ics, "SUMMARY"));
        Assert.StartsWith(@"Line one\,\nline two\; with \\ backslash\nend\n\n- Warm-up", Property(ics, "DESCRIPTION"));
        Assert.Equal(@"Rider's plan\; 2027\, v2", Property(ics, "X-WR-CALNAME"));

        var calendar = Calendar.Load(ics)!;
        var parsed = calendar.Events.Single();
        Assert.Equal(name + " (1 h)", parsed.Summary);
        Assert.StartsWith("Line one,\nline two; with \\ backslash\nend\n\n", parsed.Description);
    }

    [Fact]
    public void Uids_stay_the_same_when_the_plan_changes_so_calendars_update_instead_of_duplicating()
    {
        var v1 = Standard();
        // Version 2: Tuesday becomes a sweet spot session, Thursday a rest day, Friday gets two sessions.
        var v2 = WithDay(WithDay(WithDay(v1, Day(1), WorkoutLibrary.Build(WorkoutType.SweetSpot, 3600)), Day(3)), Day(4),
            WorkoutLibrary.Build(WorkoutType.Recovery, 1800), WorkoutLibrary.Build(WorkoutType.Endurance, 3600));

        var first = Calendar.Load(ICalWriter.Write(v1, "Plan", GeneratedAt))!.Events.ToDictionary(e => e.Uid!);
        var second = Calendar.Load(ICalWriter.Write(v2, "Plan", GeneratedAt.AddDays(1)))!.Events.ToDictionary(e => e.Uid!);

        var tuesday = $"{Day(1):yyyy-MM-dd}-0@cyclingcoach";
        Assert.Equal("Threshold intervals (1 h)", first[tuesday].Summary);
        Assert.Equal("Sweet spot intervals (1 h)", second[tuesday].Summary); // same event, new content
        Assert.DoesNotContain($"{Day(3):yyyy-MM-dd}-0@cyclingcoach", second.Keys);
        Assert.Equal("Recovery spin (30 min)", second[$"{Day(4):yyyy-MM-dd}-0@cyclingcoach"].Summary);
        Assert.Equal("Endurance ride (1 h)", second[$"{Day(4):yyyy-MM-dd}-1@cyclingcoach"].Summary);
        // Untouched days keep their UID and their content.
        var saturday = $"{Day(5):yyyy-MM-dd}-0@cyclingcoach";
        Assert.Equal(first[saturday].Summary, second[saturday].Summary);
        Assert.Equal(first.Count - 1 + 2, second.Count);
        // And writing the same plan twice gives the same UIDs.
        Assert.Equal(first.Keys, Calendar.Load(ICalWriter.Write(v1, "Plan", GeneratedAt))!.Events.Select(e => e.Uid!));
    }

    [Fact]
    public void A_day_url_is_the_events_url_and_is_repeated_in_the_description()
    {
        var plan = Plan((WorkoutType.Vo2Max, 60));
        var ics = ICalWriter.Write(plan, "Plan", GeneratedAt, d => $"https://coach.example/plan/{d:yyyy-MM-dd}");

        var parsed = Calendar.Load(ics)!.Events.Single();
        Assert.Equal(new Uri($"https://coach.example/plan/{Day(0):yyyy-MM-dd}"), parsed.Url);
        Assert.EndsWith($"\n\nhttps://coach.example/plan/{Day(0):yyyy-MM-dd}", parsed.Description);
        Assert.DoesNotContain("URL", ICalWriter.Write(plan, "Plan", GeneratedAt));
    }

    [Fact]
    public void A_plan_of_rest_days_is_a_valid_empty_calendar()
    {
        var ics = ICalWriter.Write(Plan(null, null, null), "Plan", GeneratedAt);

        Assert.DoesNotContain("VEVENT", ics);
        Assert.Empty(Calendar.Load(ics)!.Events);
    }
}
