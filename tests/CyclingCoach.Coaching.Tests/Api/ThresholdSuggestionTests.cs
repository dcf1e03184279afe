using System.Net;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>Thresholds from Garmin and from the rider's own rides are offered through the approval loop, never adopted silently.</summary>
public sealed class ThresholdSuggestionTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    private async Task<JsonElement> WaitForThresholdSuggestionAsync(Func<JsonElement, bool> match)
    {
        var page = await Eventually.WaitAsync(
            () => client.GetJsonAsync("/api/coach/analyses?type=threshold_update&status=ready"),
            p => p.GetProperty("items").EnumerateArray().Any(match),
            TimeSpan.FromSeconds(30));
        return page.GetProperty("items").EnumerateArray().First(match);
    }

    private static double? OfferedFtp(JsonElement analysis) =>
        analysis.GetProperty("suggestions")[0].GetProperty("thresholds").GetProperty("ftpWatts") is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    [Fact]
    public async Task Garmin_settings_become_a_suggestion_and_only_approval_changes_the_athlete()
    {
        await client.PutJsonAsync("/api/coach/athlete", new { effectiveFrom = "2026-01-01", ftpWatts = 240, weightKg = 70 }, HttpStatusCode.OK);
        await fixture.Publisher.Publish(new AthleteSettingsImported(WorkoutSource.Garmin, 262.4, 70, 191, 47, 170, null, DateTimeOffset.UtcNow));
        var suggestion = await WaitForThresholdSuggestionAsync(a => a.GetProperty("engine").GetString() == "garmin");
        var offered = suggestion.GetProperty("suggestions")[0].GetProperty("thresholds");
        Assert.Equal(262, offered.GetProperty("ftpWatts").GetDouble());
        Assert.Equal(JsonValueKind.Null, offered.GetProperty("weightKg").ValueKind); // unchanged values are not offered
        Assert.Equal(240, (await client.GetJsonAsync("/api/coach/athlete")).GetProperty("ftpWatts").GetDouble());

        // The same settings again offer nothing new.
        await fixture.Publisher.Publish(new AthleteSettingsImported(WorkoutSource.Garmin, 262.4, 70, 191, 47, 170, null, DateTimeOffset.UtcNow));
        await Task.Delay(1000);
        var waiting = await client.GetJsonAsync("/api/coach/analyses?type=threshold_update&status=ready");
        Assert.Single(waiting.GetProperty("items").EnumerateArray(), a => a.GetProperty("engine").GetString() == "garmin");

        await using var changes = await BusListener<AthleteProfileChanged>.StartAsync(fixture);
        var approved = await client.PostJsonAsync($"/api/coach/analyses/{suggestion.GetProperty("id")}/approve", null, HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("analysis").GetProperty("status").GetString());
        var athlete = await client.GetJsonAsync("/api/coach/athlete");
        Assert.Equal(262, athlete.GetProperty("ftpWatts").GetDouble());
        Assert.Equal(47, athlete.GetProperty("restingHeartRateBpm").GetInt32());
        Assert.Equal(70, athlete.GetProperty("weightKg").GetDouble());
        Assert.StartsWith("suggestion:", athlete.GetProperty("history")[0].GetProperty("createdBy").GetString());
        await changes.WaitForAsync(m => m.FtpWatts == 262);
    }

    [Fact]
    public async Task Intervals_icu_settings_are_offered_under_the_name_riders_know()
    {
        await client.PutJsonAsync("/api/coach/athlete", new { effectiveFrom = "2026-01-01", ftpWatts = 240, weightKg = 70 }, HttpStatusCode.OK);
        await fixture.Publisher.Publish(new AthleteSettingsImported(WorkoutSource.IntervalsIcu, 251, 70, 188, 48, 165, null, DateTimeOffset.UtcNow));
        var suggestion = (await WaitForThresholdSuggestionAsync(a => a.GetProperty("engine").GetString() == "intervalsicu")).GetProperty("suggestions")[0];
        Assert.Equal("intervals.icu reports thresholds that differ from yours.", suggestion.GetProperty("reason").GetString());
        Assert.Equal("intervals.icu", suggestion.GetProperty("thresholds").GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_ride_whose_efforts_say_a_different_FTP_offers_it_and_a_newer_estimate_replaces_a_waiting_one()
    {
        static IReadOnlyList<MeanMaxPoint> Efforts(double cp) =>
            [.. new[] { 120, 300, 600, 1200 }.Select(d => new MeanMaxPoint(d, cp + 20_000.0 / (d + 30)))];
        var day = DateTimeOffset.Now.AddDays(-2);
        var first = Guid.NewGuid();
        await fixture.Publisher.Publish(new WorkoutImported(first, WorkoutSource.File, null, "Hill repeats", "cycling", day, 5400, 40_000, 230, 150,
            new WorkoutMetrics(250, null, null, null, 1200, 800, null, null, 60, "estimate", Efforts(280))));
        var offered = await WaitForThresholdSuggestionAsync(a => OfferedFtp(a) is not null && a.GetProperty("workoutId").GetGuid() == first);
        Assert.Equal(280, OfferedFtp(offered)!.Value, tolerance: 1);

        var second = Guid.NewGuid();
        await fixture.Publisher.Publish(new WorkoutImported(second, WorkoutSource.File, null, "Big day", "cycling", day.AddDays(1), 5400, 40_000, 240, 152,
            new WorkoutMetrics(260, null, null, null, 1300, 800, null, null, 60, "estimate", Efforts(300))));
        var newer = await WaitForThresholdSuggestionAsync(a => a.GetProperty("workoutId").GetGuid() == second);
        Assert.Equal(300, OfferedFtp(newer)!.Value, tolerance: 1);
        var replaced = await client.GetJsonAsync($"/api/coach/analyses/{offered.GetProperty("id")}");
        Assert.Equal("rejected", replaced.GetProperty("status").GetString());

        var rejected = await client.PostJsonAsync($"/api/coach/analyses/{newer.GetProperty("id")}/reject", new { reason = "one good day" }, HttpStatusCode.OK);
        Assert.Equal("rejected", rejected.GetProperty("analysis").GetProperty("status").GetString());
        var athlete = await client.GetJsonAsync("/api/coach/athlete");
        Assert.NotEqual(300, athlete.TryGetProperty("ftpWatts", out var ftp) && ftp.ValueKind == JsonValueKind.Number ? ftp.GetDouble() : 0);
    }
}
