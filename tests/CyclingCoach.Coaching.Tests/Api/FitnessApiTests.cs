using System.Net;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests.Api;

public sealed class FitnessApiTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    private Task PublishRideAsync(Guid id, DateOnly date, double load, string source, IReadOnlyList<MeanMaxPoint>? meanMax = null) =>
        fixture.Publisher.Publish(new WorkoutImported(id, WorkoutSource.File, null, $"Ride {date}", "cycling",
            new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 30)), TimeSpan.FromHours(-5)), 3600, 30_000, 200, 140,
            new WorkoutMetrics(210, 0.84, source == "power" ? load : null, source == "heart_rate" ? load : null, 700, 300, 250, 165, load, source, meanMax)));

    [Fact]
    public async Task Daily_load_goes_through_the_PMC_and_recalculated_metrics_change_it()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var d1 = today.AddDays(-20);
        var d2 = today.AddDays(-10);
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await PublishRideAsync(a, d1, 100, "power", [new(5, 900), new(1200, 280)]);
        await PublishRideAsync(b, d2, 60, "heart_rate", [new(5, 950), new(1200, 260)]);
        await Eventually.WaitAsync(() => client.GetJsonAsync("/api/coach/workouts?pageSize=200"), p => p.GetProperty("total").GetInt32() >= 2, TimeSpan.FromSeconds(30));

        var fitness = await client.GetJsonAsync($"/api/coach/fitness?from={d1.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var days = fitness.GetProperty("days").EnumerateArray().ToDictionary(d => DateOnly.Parse(d.GetProperty("date").GetString()!));
        Assert.Equal(22, days.Count);
        // The ride at 23:30 local (UTC−5) counts on its local date, not the next UTC day.
        Assert.Equal(100, days[d1].GetProperty("load").GetDouble());
        Assert.Equal(60, days[d2].GetProperty("load").GetDouble());
        // GoldenCheetah's exponential CTL from zero: 100·(1 − e^(−1/42)) on the first day.
        Assert.Equal(100 * (1 - Math.Exp(-1.0 / 42)), days[d1].GetProperty("ctl").GetDouble(), 2);
        Assert.Equal(100 * (1 - Math.Exp(-1.0 / 7)), days[d1].GetProperty("atl").GetDouble(), 2);
        // TSB the day after is yesterday's CTL − ATL.
        var next = days[d1.AddDays(1)];
        Assert.Equal(days[d1].GetProperty("ctl").GetDouble() - days[d1].GetProperty("atl").GetDouble(), next.GetProperty("tsb").GetDouble(), 2);

        var curve = await client.GetJsonAsync("/api/coach/fitness/power-curve");
        var allTime = curve.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("name").GetString() == "allTime");
        var best5 = allTime.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("durationSeconds").GetInt32() == 5);
        Assert.Equal(950, best5.GetProperty("watts").GetDouble());
        Assert.Equal(b, best5.GetProperty("workoutId").GetGuid());
        var best20 = allTime.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("durationSeconds").GetInt32() == 1200);
        Assert.Equal(a, best20.GetProperty("workoutId").GetGuid());

        // A short ride stores its own length (1,250 s at 120 W) too: the longer rides held more over 1,250 s, so that is
        // no best; the curve has the standard durations only.
        var shortRide = Guid.NewGuid();
        await PublishRideAsync(shortRide, d2.AddDays(1), 20, "power", [new(5, 400), new(1200, 125), new(1250, 120)]);
        await Eventually.WaitAsync(() => client.GetJsonAsync("/api/coach/workouts?pageSize=200"), p => p.GetProperty("total").GetInt32() >= 3, TimeSpan.FromSeconds(30));
        var durations = (await client.GetJsonAsync("/api/coach/fitness/power-curve")).GetProperty("windows").EnumerateArray()
            .Single(w => w.GetProperty("name").GetString() == "allTime").GetProperty("points").EnumerateArray()
            .Select(p => p.GetProperty("durationSeconds").GetInt32()).ToList();
        Assert.DoesNotContain(1250, durations);
        Assert.All(durations, d => Assert.Contains(d, CyclingCoach.Training.Science.MeanMaxCurve.StandardDurations));

        // New thresholds in Sync → new metrics → new load on that day.
        await fixture.Publisher.Publish(new WorkoutMetricsRecalculated(a, new WorkoutMetrics(210, 0.7, 70, null, 700, 300, 300, 165, 70, "power"), 2, DateTimeOffset.UtcNow));
        var changed = await Eventually.WaitAsync(
            () => client.GetJsonAsync($"/api/coach/fitness?from={d1:yyyy-MM-dd}&to={d1:yyyy-MM-dd}"),
            f => f.GetProperty("days")[0].GetProperty("load").GetDouble() == 70,
            TimeSpan.FromSeconds(30));
        Assert.Equal(70 * (1 - Math.Exp(-1.0 / 42)), changed.GetProperty("days")[0].GetProperty("ctl").GetDouble(), 2);

        await client.GetJsonAsync($"/api/coach/fitness?from={today:yyyy-MM-dd}&to={d1:yyyy-MM-dd}", HttpStatusCode.BadRequest);
    }
}
