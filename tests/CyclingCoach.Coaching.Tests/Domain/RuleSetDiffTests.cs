using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Rules;
using static System.DayOfWeek;

namespace CyclingCoach.Coaching.Tests.Domain;

public sealed class RuleSetDiffTests
{
    private static readonly RuleSet Rules = new()
    {
        AvailableDays = [Tuesday, Thursday, Saturday, Sunday],
        RestDays = [Monday],
        MaxHoursPerWeek = 8,
        DayCaps = [new DayCap(Tuesday, 1), new DayCap(Thursday, 1.5)],
        LongRideDay = Sunday,
        BlackoutDates = [new DateRange(new(2026, 12, 24), new(2026, 12, 26)), new DateRange(new(2027, 2, 14), new(2027, 2, 14), "off")],
        Events = [new TargetEvent("Gran Fondo Girona", new(2027, 5, 17))],
    };

    [Fact]
    public void Equal_rule_sets_have_no_changes() => Assert.Empty(RuleSetDiff.Compare(Rules, Rules with { }, CoachJson.Options));

    [Fact]
    public void Lists_are_sets_order_and_repeats_do_not_matter()
    {
        var reordered = Rules with
        {
            AvailableDays = [Sunday, Saturday, Thursday, Tuesday, Sunday],
            DayCaps = [new DayCap(Thursday, 1.5), new DayCap(Tuesday, 1)],
            BlackoutDates = [Rules.BlackoutDates[1], Rules.BlackoutDates[0]],
        };

        Assert.Empty(RuleSetDiff.Compare(Rules, reordered, CoachJson.Options));
    }

    [Fact]
    public void Each_changed_field_is_reported_once_with_both_values_in_api_json()
    {
        var after = Rules with { AvailableDays = [Tuesday, Saturday], MaxHoursPerWeek = null, MinHoursPerWeek = 4, NoBackToBackHardDays = true };

        var changes = RuleSetDiff.Compare(Rules, after, CoachJson.Options);

        Assert.Equal(["availableDays", "maxHoursPerWeek", "minHoursPerWeek", "noBackToBackHardDays"], changes.Select(c => c.Field));
        Assert.Equal("""["tuesday","thursday","saturday","sunday"]""", changes[0].Before!.Value.GetRawText());
        Assert.Equal("""["tuesday","saturday"]""", changes[0].After!.Value.GetRawText());
        Assert.Equal(8, changes[1].Before!.Value.GetDouble());
        Assert.Null(changes[1].After);
        Assert.Null(changes[2].Before);
        Assert.Equal(4, changes[2].After!.Value.GetDouble());
        Assert.False(changes[3].Before!.Value.GetBoolean());
    }

    [Fact]
    public void Every_day_and_no_day_are_different_rules()
    {
        var change = Assert.Single(RuleSetDiff.Compare(RuleSet.None, RuleSet.None with { AvailableDays = [] }, CoachJson.Options));

        Assert.Equal(("availableDays", (System.Text.Json.JsonElement?)null), (change.Field, change.Before));
        Assert.Equal("[]", change.After!.Value.GetRawText());
    }

    [Fact]
    public void Nested_values_compare_whole_and_show_camel_case_fields()
    {
        var after = Rules with { Events = [Rules.Events[0] with { Date = new(2027, 5, 18) }], DayCaps = [new DayCap(Tuesday, 1.25), new DayCap(Thursday, 1.5)] };

        var changes = RuleSetDiff.Compare(Rules, after, CoachJson.Options);

        Assert.Equal(["dayCaps", "events"], changes.Select(c => c.Field));
        Assert.Equal("""[{"name":"Gran Fondo Girona","date":"2027-05-18","priority":"a"}]""", changes[1].After!.Value.GetRawText());
        Assert.Contains("\"day\":\"tuesday\",\"maxHours\":1.25", changes[0].After!.Value.GetRawText());
    }
}
