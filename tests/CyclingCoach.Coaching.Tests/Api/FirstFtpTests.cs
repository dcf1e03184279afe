using System.Net;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>
/// A fresh install (its own database: no FTP yet) whose rides carry power: the FTP estimate is offered on the ride
/// that makes it possible, even from rides older than 90 days; the settings' count of earlier rides the first FTP
/// reaches; and once adopted, the first FTP applies to the earlier rides' analyses too (GoldenCheetah's convention).
/// </summary>
public sealed class FirstFtpTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    private static IReadOnlyList<MeanMaxPoint> Efforts(double cp) =>
        [.. new[] { 120, 300, 600, 1200 }.Select(d => new MeanMaxPoint(d, cp + 20_000.0 / (d + 30)))];

    [Fact]
    public async Task Rides_with_power_and_no_FTP_offer_the_estimate_at_once_and_the_adopted_FTP_reaches_back()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var offset = TimeZoneInfo.Local.GetUtcOffset(DateTime.Now);
        DateTimeOffset Day(int daysAgo) => new(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 0)), offset);

        // Last year's rides, imported now: two with power (the second makes the estimate possible), one with heart rate only.
        var hrOnly = Guid.NewGuid();
        await fixture.Publisher.Publish(new WorkoutImported(hrOnly, WorkoutSource.File, null, "Commute", "cycling", Day(230), 2400, 15_000, null, 138,
            new WorkoutMetrics(null, null, null, null, null, 40, null, null, 28, "estimate")));
        var first = Guid.NewGuid();
        await fixture.Publisher.Publish(new WorkoutImported(first, WorkoutSource.File, null, "Spin", "cycling", Day(210), 3600, 30_000, 180, 140,
            new WorkoutMetrics(190, null, null, null, 650, 200, null, null, 42, "estimate", [new MeanMaxPoint(60, 260), new MeanMaxPoint(300, 230)])));
        await Eventually.WaitAsync(() => client.GetJsonAsync("/api/coach/workouts?pageSize=10"), w => w.GetProperty("total").GetInt32() == 2, TimeSpan.FromSeconds(30));
        Assert.Empty((await client.GetJsonAsync("/api/coach/analyses?type=threshold_update")).GetProperty("items").EnumerateArray()); // 1 and 5 min only: no estimate

        var hard = Guid.NewGuid();
        await fixture.Publisher.Publish(new WorkoutImported(hard, WorkoutSource.File, null, "Hill repeats", "cycling", Day(200), 5400, 40_000, 230, 150,
            new WorkoutMetrics(250, null, null, null, 1200, 800, null, null, 60, "estimate", Efforts(280))));
        var page = await Eventually.WaitAsync(
            () => client.GetJsonAsync("/api/coach/analyses?type=threshold_update&status=ready"),
            p => p.GetProperty("items").GetArrayLength() > 0,
            TimeSpan.FromSeconds(30));
        var offer = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(hard, offer.GetProperty("workoutId").GetGuid());
        var suggestion = offer.GetProperty("suggestions")[0];
        Assert.Equal(280, suggestion.GetProperty("thresholds").GetProperty("ftpWatts").GetDouble(), tolerance: 1);
        Assert.Equal("rides", suggestion.GetProperty("thresholds").GetProperty("source").GetString());
        Assert.StartsWith("You have no FTP yet.", suggestion.GetProperty("reason").GetString());
        Assert.Contains("up to your latest ride with power", suggestion.GetProperty("reason").GetString());

        // What the settings form says before the rider adopts it: the first FTP would also apply to the 2 earlier
        // rides with power, a first LTHR to the 3 with heart rate.
        var earlier = await client.GetJsonAsync($"/api/coach/athlete/earlier-rides?effectiveFrom={today:yyyy-MM-dd}");
        Assert.Equal(2, earlier.GetProperty("ftpEarlierRides").GetInt32());
        Assert.Equal(JsonValueKind.Null, earlier.GetProperty("earlierFtpWatts").ValueKind);
        Assert.Equal(3, earlier.GetProperty("lthrEarlierRides").GetInt32());
        Assert.Equal(1, (await client.GetJsonAsync($"/api/coach/athlete/earlier-rides?effectiveFrom={today.AddDays(-205):yyyy-MM-dd}")).GetProperty("ftpEarlierRides").GetInt32());
        await client.GetJsonAsync("/api/coach/athlete/earlier-rides?effectiveFrom=1980-01-01", HttpStatusCode.BadRequest);

        // Approved: the FTP is in effect from today and reaches back to every earlier ride.
        var approved = await client.PostJsonAsync($"/api/coach/analyses/{offer.GetProperty("id")}/approve", null, HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("analysis").GetProperty("status").GetString());
        var athlete = await client.GetJsonAsync("/api/coach/athlete");
        Assert.Equal(280, athlete.GetProperty("ftpWatts").GetDouble(), tolerance: 1);
        Assert.Equal(today.ToString("yyyy-MM-dd"), athlete.GetProperty("effectiveFrom").GetString());

        // The heart-rate ride (no FTP of its own) is analysed with the FTP in effect on its date: the first one, reaching back.
        var review = await client.PostJsonAsync($"/api/coach/workouts/{hrOnly}/analyze", null, HttpStatusCode.Accepted);
        var done = await Eventually.WaitAsync(
            () => client.GetJsonAsync($"/api/coach/analyses/{review.GetProperty("id")}"),
            a => a.GetProperty("status").GetString() == "ready",
            TimeSpan.FromSeconds(30));
        Assert.Equal(280, done.GetProperty("facts").GetProperty("ftpWatts").GetDouble(), tolerance: 1);

        // Now an FTP period exists from today: an FTP from a later date reaches nothing back; one from an earlier
        // date would replace the first FTP for the rides before it.
        var later = await client.GetJsonAsync($"/api/coach/athlete/earlier-rides?effectiveFrom={today.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(JsonValueKind.Null, later.GetProperty("ftpEarlierRides").ValueKind);
        var before = await client.GetJsonAsync($"/api/coach/athlete/earlier-rides?effectiveFrom={today.AddDays(-30):yyyy-MM-dd}");
        Assert.Equal(2, before.GetProperty("ftpEarlierRides").GetInt32());
        Assert.Equal(280, before.GetProperty("earlierFtpWatts").GetDouble(), tolerance: 1);
    }
}
