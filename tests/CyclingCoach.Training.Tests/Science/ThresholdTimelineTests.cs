using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

/// <summary>GoldenCheetah's convention: the first range reaches back to the beginning, each value on its own.</summary>
public sealed class ThresholdTimelineTests
{
    private sealed record Period(DateOnly From, double? Ftp, int? Lthr);

    private static readonly Period Spring = new(new DateOnly(2025, 3, 1), null, 165); // LTHR only
    private static readonly Period Summer = new(new DateOnly(2025, 6, 1), 250, 165); // the first FTP
    private static readonly Period Autumn = new(new DateOnly(2025, 9, 15), 270, null); // LTHR cleared
    private static readonly Period[] History = [Spring, Summer, Autumn];

    private static double? Ftp(string date) => ThresholdTimeline.ValueOn(History, p => p.From, p => p.Ftp, DateOnly.Parse(date));

    private static int? Lthr(string date) => ThresholdTimeline.ValueOn(History, p => p.From, p => p.Lthr, DateOnly.Parse(date));

    [Theory]
    [InlineData("2001-01-01", 250.0)] // long before any period: the first FTP reaches back
    [InlineData("2025-02-28", 250.0)]
    [InlineData("2025-04-10", 250.0)] // inside a period that has no FTP, before the first that has one
    [InlineData("2025-06-01", 250.0)] // a period starts on its own date
    [InlineData("2025-09-14", 250.0)]
    [InlineData("2025-09-15", 270.0)]
    [InlineData("2031-01-01", 270.0)] // the last period has no end
    public void The_first_FTP_reaches_back_to_the_beginning_and_later_periods_take_over_on_their_dates(string date, double ftp) =>
        Assert.Equal(ftp, Ftp(date));

    [Theory]
    [InlineData("2020-01-01", 165)]
    [InlineData("2025-08-31", 165)]
    [InlineData("2025-09-15", null)] // cleared from autumn on: an empty value after the first is kept empty
    public void Each_value_reaches_back_on_its_own_and_a_cleared_value_stays_cleared(string date, int? lthr) =>
        Assert.Equal(lthr, Lthr(date));

    [Theory]
    [InlineData("1990-01-01", 0)] // before every period: the first one is in effect
    [InlineData("2025-05-31", 0)]
    [InlineData("2025-06-01", 1)]
    [InlineData("2026-01-01", 2)]
    public void The_period_in_effect_is_the_last_starting_on_or_before_the_date_else_the_first(string date, int index) =>
        Assert.Equal(index, ThresholdTimeline.PeriodOn(History, p => p.From, DateOnly.Parse(date)));

    [Fact]
    public void Without_periods_or_without_any_value_nothing_is_in_effect()
    {
        Assert.Equal(-1, ThresholdTimeline.PeriodOn(Array.Empty<Period>(), p => p.From, new DateOnly(2025, 1, 1)));
        Assert.Null(ThresholdTimeline.ValueOn(Array.Empty<Period>(), p => p.From, p => p.Ftp, new DateOnly(2025, 1, 1)));
        Assert.Null(ThresholdTimeline.ValueOn([Spring], p => p.From, p => p.Ftp, new DateOnly(2025, 4, 1)));
    }
}
