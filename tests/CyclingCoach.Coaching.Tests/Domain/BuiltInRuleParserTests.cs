using System.Text.Json;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Rules;
using static System.DayOfWeek;

namespace CyclingCoach.Coaching.Tests.Domain;

public sealed class BuiltInRuleParserTests
{
    private static readonly DayOfWeek[] Weekdays = [Monday, Tuesday, Wednesday, Thursday, Friday];

    /// <summary>Each phrasing alone, and the rule set it must give (every other field left at "no rule").</summary>
    public static TheoryData<string, RuleSet> Phrasings => new()
    {
        // Available days
        { "I can ride Tuesday, Thursday, Saturday and Sunday", new RuleSet { AvailableDays = [Tuesday, Thursday, Saturday, Sunday] } },
        { "I can only ride on weekends.", new RuleSet { AvailableDays = [Saturday, Sunday] } },
        { "weekdays only", new RuleSet { AvailableDays = Weekdays } },
        { "Weekends", new RuleSet { AvailableDays = [Saturday, Sunday] } },
        { "available Monday to Wednesday", new RuleSet { AvailableDays = [Monday, Tuesday, Wednesday] } },
        { "I can train Fri-Mon", new RuleSet { AvailableDays = [Monday, Friday, Saturday, Sunday] } },
        { "any day except Friday", new RuleSet { AvailableDays = [Monday, Tuesday, Wednesday, Thursday, Saturday, Sunday] } },
        { "every day except Monday and Friday", new RuleSet { AvailableDays = [Tuesday, Wednesday, Thursday, Saturday, Sunday] } },
        { "I can't ride on Mondays", new RuleSet { AvailableDays = [Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday] } },
        { "I’m not available on Tuesdays or Thursdays", new RuleSet { AvailableDays = [Monday, Wednesday, Friday, Saturday, Sunday] } },
        { "I can ride any day", RuleSet.None },
        // Rest days
        { "Monday is a rest day", new RuleSet { RestDays = [Monday] } },
        { "Mondays and Fridays are my days off", new RuleSet { RestDays = [Monday, Friday] } },
        { "rest on Fridays", new RuleSet { RestDays = [Friday] } },
        { "always take Monday off", new RuleSet { RestDays = [Monday] } },
        { "Rest days: Monday, Thursday", new RuleSet { RestDays = [Monday, Thursday] } },
        { "Wednesdays off", new RuleSet { RestDays = [Wednesday] } },
        // Weekly hours
        { "max 8 hours a week", new RuleSet { MaxHoursPerWeek = 8 } },
        { "no more than 10h per week", new RuleSet { MaxHoursPerWeek = 10 } },
        { "No more than ten hours of riding per week", new RuleSet { MaxHoursPerWeek = 10 } },
        { "I can ride up to 7.5 hrs a week", new RuleSet { MaxHoursPerWeek = 7.5 } },
        { "8 hours a week", new RuleSet { MaxHoursPerWeek = 8 } },
        { "at least 5 hours a week", new RuleSet { MinHoursPerWeek = 5 } },
        { "minimum of four hours per week", new RuleSet { MinHoursPerWeek = 4 } },
        { "between 6 and 9 hours a week", new RuleSet { MinHoursPerWeek = 6, MaxHoursPerWeek = 9 } },
        { "6-9h per week", new RuleSet { MinHoursPerWeek = 6, MaxHoursPerWeek = 9 } },
        // Day caps
        { "no more than 1.5 hours on weekdays", new RuleSet { DayCaps = Weekdays.Select(d => new DayCap(d, 1.5)).ToList() } },
        { "Tuesdays at most 1 hour", new RuleSet { DayCaps = [new DayCap(Tuesday, 1)] } },
        { "max 2 hours per day", new RuleSet { MaxHoursPerDay = 2 } },
        { "no more than an hour and a half a day", new RuleSet { MaxHoursPerDay = 1.5 } },
        { "90 minutes max on Wednesday", new RuleSet { DayCaps = [new DayCap(Wednesday, 1.5)] } },
        { "on Thursday 1h30 max", new RuleSet { DayCaps = [new DayCap(Thursday, 1.5)] } },
        { "45 min max on Mon and Fri", new RuleSet { DayCaps = [new DayCap(Monday, 0.75), new DayCap(Friday, 0.75)] } },
        // Long ride
        { "long ride on Saturday", new RuleSet { LongRideDay = Saturday } },
        { "long ride on Sunday up to 4 hours", new RuleSet { LongRideDay = Sunday, LongRideMaxHours = 4 } },
        { "my long ride can be 5h max", new RuleSet { LongRideMaxHours = 5 } },
        { "Saturday is my long ride day", new RuleSet { LongRideDay = Saturday } },
        { "long rides no longer than three hours", new RuleSet { LongRideMaxHours = 3 } },
        // Hard sessions
        { "max 2 hard sessions per week", new RuleSet { MaxHardSessionsPerWeek = 2 } },
        { "no more than three intense workouts a week", new RuleSet { MaxHardSessionsPerWeek = 3 } },
        { "only one hard workout a week", new RuleSet { MaxHardSessionsPerWeek = 1 } },
        { "2 interval sessions a week", new RuleSet { MaxHardSessionsPerWeek = 2 } },
        { "no hard sessions", new RuleSet { MaxHardSessionsPerWeek = 0 } },
        { "no back-to-back hard days", new RuleSet { NoBackToBackHardDays = true } },
        { "never two hard days in a row", new RuleSet { NoBackToBackHardDays = true } },
        { "Hard sessions should not be on consecutive days", new RuleSet { NoBackToBackHardDays = true } },
        { "always an easy day between hard sessions", new RuleSet { NoBackToBackHardDays = true } },
        // Blackouts
        { "no riding 2026-12-24 to 2026-12-26", new RuleSet { BlackoutDates = [new DateRange(new(2026, 12, 24), new(2026, 12, 26), "no riding")] } },
        { "away from 3 to 10 January 2027", new RuleSet { BlackoutDates = [new DateRange(new(2027, 1, 3), new(2027, 1, 10), "away")] } },
        { "off on 2027-02-14", new RuleSet { BlackoutDates = [new DateRange(new(2027, 2, 14), new(2027, 2, 14), "off")] } },
        { "on holiday 24 December to 2 January 2027", new RuleSet { BlackoutDates = [new DateRange(new(2026, 12, 24), new(2027, 1, 2), "on holiday")] } },
        { "travelling March 3-5, 2027", new RuleSet { BlackoutDates = [new DateRange(new(2027, 3, 3), new(2027, 3, 5), "travelling")] } },
        { "2027-04-01 - 2027-04-03: away (wedding)", new RuleSet { BlackoutDates = [new DateRange(new(2027, 4, 1), new(2027, 4, 3), "wedding")] } },
        // Events: A unless a priority is named
        { "target event: Gran Fondo Girona on 2027-05-17", new RuleSet { Events = [new TargetEvent("Gran Fondo Girona", new(2027, 5, 17))] } },
        { "my goal race is the Tour of Flanders sportive on 18 April 2027", new RuleSet { Events = [new TargetEvent("Tour of Flanders sportive", new(2027, 4, 18))] } },
        { "I'm training for the Marmotte on July 4, 2027", new RuleSet { Events = [new TargetEvent("Marmotte", new(2027, 7, 4))] } },
        { "B race: Local crit on 2027-04-10", new RuleSet { Events = [new TargetEvent("Local crit", new(2027, 4, 10), EventPriority.B)] } },
        { "C event - club TT on 2027-05-02", new RuleSet { Events = [new TargetEvent("club TT", new(2027, 5, 2), EventPriority.C)] } },
        { "Dwars door Vlaanderen on 2027-03-28 (B race)", new RuleSet { Events = [new TargetEvent("Dwars door Vlaanderen", new(2027, 3, 28), EventPriority.B)] } },
        { "Ronde van Drenthe on 2027-04-04 is my B race", new RuleSet { Events = [new TargetEvent("Ronde van Drenthe", new(2027, 4, 4), EventPriority.B)] } },
        { "Omloop on 27 February 2027, priority C", new RuleSet { Events = [new TargetEvent("Omloop", new(2027, 2, 27), EventPriority.C)] } },
        { "my A race is the Marmotte on 2027-07-04", new RuleSet { Events = [new TargetEvent("Marmotte", new(2027, 7, 4))] } },
    };

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void A_phrasing_gives_its_rule(string text, RuleSet expected)
    {
        var result = BuiltInRuleParser.Parse(text);

        Assert.Empty(result.NotUnderstood);
        Assert.Equal(Json(expected), Json(result.Rules));
    }

    [Theory]
    [InlineData("no riding 2027-02-30")]
    [InlineData("away from 10 to 3 January 2027")]
    [InlineData("no riding 24 to 26 December")]
    [InlineData("max 2 hard sessions")]
    [InlineData("long ride on Saturday or Sunday")]
    [InlineData("at least 1 hour on Tuesdays")]
    public void Near_misses_are_not_understood_rather_than_guessed(string text)
    {
        var result = BuiltInRuleParser.Parse(text);

        Assert.Equal([text], result.NotUnderstood);
        Assert.Equal(Json(RuleSet.None), Json(result.Rules));
    }

    [Fact]
    public void A_paragraph_keeps_the_rules_and_reports_the_rest_verbatim()
    {
        const string text = """
            I can ride Tuesday, Thursday, Saturday and Sunday. Max 8 hours a week and no back-to-back hard days!
            - long ride on Sunday up to 4 hours
            * I like coffee and my knee hurts sometimes; Tuesdays at most 1 hour
            My wife says hi, and max 2 hard sessions per week.
            target event: Gran Fondo Girona on 2027-05-17
            B race: Local crit on 2027-04-10. C event: club TT on 2027-05-02
            """;

        var result = BuiltInRuleParser.Parse(text);

        var expected = new RuleSet
        {
            AvailableDays = [Tuesday, Thursday, Saturday, Sunday],
            MaxHoursPerWeek = 8,
            NoBackToBackHardDays = true,
            LongRideDay = Sunday,
            LongRideMaxHours = 4,
            DayCaps = [new DayCap(Tuesday, 1)],
            MaxHardSessionsPerWeek = 2,
            Events =
            [
                new TargetEvent("Local crit", new(2027, 4, 10), EventPriority.B),
                new TargetEvent("club TT", new(2027, 5, 2), EventPriority.C),
                new TargetEvent("Gran Fondo Girona", new(2027, 5, 17)),
            ],
        };
        Assert.Equal(Json(expected), Json(result.Rules));
        Assert.Equal(["I like coffee and my knee hurts sometimes", "My wife says hi"], result.NotUnderstood);
    }

    [Fact]
    public void A_day_both_available_and_rest_is_rest()
    {
        var result = BuiltInRuleParser.Parse("I can ride Monday, Wednesday and Saturday. Monday is a rest day.");

        Assert.Equal([Wednesday, Saturday], result.Rules.AvailableDays);
        Assert.Equal([Monday], result.Rules.RestDays);
    }

    [Fact]
    public void Exclusions_apply_to_the_days_given_in_any_order()
    {
        var result = BuiltInRuleParser.Parse("I can't ride on Wednesdays. I can ride weekdays but not Fridays");

        Assert.Equal([Monday, Tuesday, Thursday], result.Rules.AvailableDays);
        Assert.Empty(result.NotUnderstood);
    }

    [Fact]
    public void A_later_rule_replaces_an_earlier_one()
    {
        var result = BuiltInRuleParser.Parse("max 8 hours a week. Actually no more than 6 hours a week.");

        // "Actually …" is not a phrasing the parser knows: the first rule stays, the second is reported.
        Assert.Equal(8, result.Rules.MaxHoursPerWeek);
        Assert.Equal(["Actually no more than 6 hours a week"], result.NotUnderstood);
        Assert.Equal(6, BuiltInRuleParser.Parse("max 8 hours a week. no more than 6 hours a week.").Rules.MaxHoursPerWeek);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ;;; . - ")]
    [InlineData(null)]
    public void Empty_text_gives_no_rules_and_nothing_to_report(string? text)
    {
        var result = BuiltInRuleParser.Parse(text);

        Assert.Equal(Json(RuleSet.None), Json(result.Rules));
        Assert.Empty(result.NotUnderstood);
    }

    [Theory]
    [InlineData("asdf qwer zxcv")]
    [InlineData("%%% ((( [[[ \\d+ .* $^")]
    [InlineData("12345")]
    [InlineData("hours hours hours a week week")]
    [InlineData("\u0000\u0001 émoji 🚴 ünïcødé")]
    public void Garbage_is_reported_and_never_throws(string text)
    {
        var result = BuiltInRuleParser.Parse(text);

        Assert.Equal(Json(RuleSet.None), Json(result.Rules));
        Assert.Equal([text.Trim().TrimEnd('.', '!', '?', ',', ';', ':').Trim()], result.NotUnderstood);
    }

    [Fact]
    public void The_longest_text_the_api_takes_is_read_completely()
    {
        // A pasted document, not a rule list, at the API's limit: 100 sentences, a 2,000-character word and a 100-day
        // list, read completely. How long it takes is measured in bench/ ("reader limits"), not here.
        var text = string.Concat(Enumerable.Repeat("max 8 hours a week. I like coffee and cake, and tea, and biscuits. ", 100))
                   + new string('a', 2_000) + " and " + string.Join(", ", Enumerable.Repeat("Monday", 100));
        Assert.InRange(text.Length, RuleParseRequest.MaxLength - 1_000, RuleParseRequest.MaxLength);

        var result = BuiltInRuleParser.Parse(text);

        Assert.Equal(8, result.Rules.MaxHoursPerWeek);
        Assert.Equal(101, result.NotUnderstood.Count);
        Assert.All(result.NotUnderstood.Take(100), s => Assert.Equal("I like coffee and cake, and tea, and biscuits", s));
    }
}
