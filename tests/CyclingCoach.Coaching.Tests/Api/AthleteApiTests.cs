using System.Net;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests.Api;

public sealed class AthleteApiTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    private static object Profile(double? ftp, string? effectiveFrom = null, int? restingHr = 48) => new
    {
        effectiveFrom,
        ftpWatts = ftp,
        weightKg = 72.5,
        lactateThresholdHeartRateBpm = 168,
        maxHeartRateBpm = 190,
        restingHeartRateBpm = restingHr,
        bike = new { massKg = 8.2, cdA = 0.32, crr = 0.004, wheelCircumferenceMeters = 2.105, chainrings = new[] { 50, 34 }, cassette = new[] { 11, 13, 15, 17, 19, 21, 24, 28, 32 }, minimumCadenceRpm = 60 },
        weeklyAvailabilityHours = new { monday = 0, tuesday = 1.5, wednesday = 1, thursday = 1.5, friday = 0, saturday = 4, sunday = 3 },
    };

    [Fact]
    public async Task Thresholds_keep_their_history_zones_follow_and_each_change_publishes_the_periods()
    {
        await using var listener = await BusListener<AthleteProfileChanged>.StartAsync(fixture);

        var empty = await client.GetJsonAsync("/api/coach/athlete");
        Assert.Equal(0, empty.GetProperty("version").GetInt32());
        Assert.Equal(0, empty.GetProperty("powerZones").GetArrayLength());

        var first = await client.PutJsonAsync("/api/coach/athlete", Profile(250, "2026-01-01"), HttpStatusCode.OK);
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(250, first.GetProperty("ftpWatts").GetDouble());
        var zones = first.GetProperty("powerZones").EnumerateArray().ToList();
        Assert.Equal(7, zones.Count);
        Assert.Equal(138, zones[1].GetProperty("min").GetDouble()); // 55 % of 250 = 137.5 → 138
        Assert.Equal(5, first.GetProperty("heartRateZones").GetArrayLength());

        // The same profile again changes nothing.
        var same = await client.PutJsonAsync("/api/coach/athlete", Profile(250, "2026-01-01"), HttpStatusCode.OK);
        Assert.Equal(1, same.GetProperty("version").GetInt32());

        // A new FTP from a later date is a new period; the old one stays in the history.
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");
        var second = await client.PutJsonAsync("/api/coach/athlete", Profile(265, today), HttpStatusCode.OK);
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal(265, second.GetProperty("ftpWatts").GetDouble());
        var history = second.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("ftpWatts").GetDouble()).ToList();
        Assert.Equal([265.0, 250.0], history);

        var published = await listener.WaitForAsync(m => m.Version == 2);
        Assert.Equal(265, published.FtpWatts);
        Assert.Equal(48, published.RestingHeartRateBpm);
        Assert.Equal(DateOnly.Parse(today), published.EffectiveFrom);
        Assert.Equal([250.0, 265.0], published.Thresholds!.Select(t => t.FtpWatts!.Value));
        Assert.Equal(new DateOnly(2026, 1, 1), published.Thresholds![0].EffectiveFrom);
        Assert.Equal([50, 34], published.Bike!.Chainrings);
        Assert.DoesNotContain(listener.Received, m => m.Version > 2);
    }

    [Theory]
    [InlineData("""{"ftpWatts": 5000}""", "ftpWatts")]
    [InlineData("""{"weightKg": -3}""", "weightKg")]
    [InlineData("""{"restingHeartRateBpm": 100, "maxHeartRateBpm": 95}""", "heartRate")]
    [InlineData("""{"effectiveFrom": "1900-01-01", "ftpWatts": 200}""", "effectiveFrom")]
    [InlineData("""{"bike": {"massKg": 8, "cdA": 0.3, "crr": 0.004, "wheelCircumferenceMeters": 2.1, "chainrings": [], "cassette": [11, 28], "minimumCadenceRpm": 60}}""", "bike.chainrings")]
    [InlineData("""{"weeklyAvailabilityHours": {"monday": 30, "tuesday": 0, "wednesday": 0, "thursday": 0, "friday": 0, "saturday": 0, "sunday": 0}}""", "weeklyAvailabilityHours")]
    public async Task Bad_profiles_are_refused_with_the_field_named_and_nothing_stored(string body, string field)
    {
        var before = await client.GetJsonAsync("/api/coach/athlete");
        var problem = await client.SendAsync(HttpMethod.Put, "/api/coach/athlete", body, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal("urn:cyclingcoach:problem:validation", problem.GetProperty("type").GetString());
        var after = await client.GetJsonAsync("/api/coach/athlete");
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }
}
