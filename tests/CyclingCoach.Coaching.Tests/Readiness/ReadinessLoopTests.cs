using System.Net;
using System.Text.Json;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Plans;
using CyclingCoach.Coaching.Tests.Api;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.Coaching.Tests.Readiness;

/// <summary>
/// WellnessRecorded on the real bus into Coaching: stored per day, readiness computed, and a low morning with a hard
/// session planned today offers one suggestion that approval turns into the next plan version.
/// </summary>
public sealed class ReadinessLoopTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task A_low_morning_with_a_hard_session_offers_one_suggestion_and_approving_it_makes_version_two()
    {
        var v1 = await StorePlanAsync();

        // 30 good nights before today (ln HRV alternating 4.2 / 4.0, 8 h, score 85, resting HR 50), from Garmin…
        for (var k = 1; k <= 30; k++)
        {
            await fixture.Publisher.Publish(new WellnessRecorded(WorkoutSource.Garmin, Today.AddDays(-k),
                new WellnessMetrics(HrvMs: Math.Exp(k % 2 == 1 ? 4.2 : 4.0), SleepSeconds: 28800, SleepScore: 85, RestingHeartRateBpm: 50), DateTimeOffset.UtcNow));
        }

        var history = await Eventually.WaitAsync(() => ReadinessAsync(Today.AddDays(-30), Today.AddDays(-1)), d => d.Count == 30, TimeSpan.FromSeconds(60));
        Assert.Equal(30, history.Count);
        Assert.Empty(await ReadyAnalysesAsync()); // good mornings, and none of them today

        // …then a bad night: HRV 2 SD under, 5 h, score 40, resting HR +8 → 37.1, low (ReadinessCalculatorTests).
        await fixture.Publisher.Publish(new WellnessRecorded(WorkoutSource.Garmin, Today,
            new WellnessMetrics(HrvMs: Math.Exp(3.9), SleepSeconds: 5 * 3600, SleepScore: 40, RestingHeartRateBpm: 58), DateTimeOffset.UtcNow));
        var analyses = await Eventually.WaitAsync(ReadyAnalysesAsync, a => a.Count > 0, TimeSpan.FromSeconds(30));
        var analysis = Assert.Single(analyses);
        var today = (await ReadinessAsync(Today, Today)).Single();
        Assert.Equal(37.1, today.GetProperty("score").GetDouble());
        Assert.Equal("low", today.GetProperty("band").GetString());

        var suggestion = Assert.Single(analysis.GetProperty("suggestions").EnumerateArray());
        Assert.Equal("change_intensity", suggestion.GetProperty("operation").GetProperty("kind").GetString());
        Assert.Equal(Today, DateOnly.Parse(suggestion.GetProperty("operation").GetProperty("date").GetString()!));
        Assert.Equal("endurance", suggestion.GetProperty("operation").GetProperty("workoutType").GetString());
        Assert.Contains("readinessScore", suggestion.GetProperty("cites").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(v1.Id, analysis.GetProperty("planVersionId").GetGuid());
        // The plan is untouched until the rider approves.
        Assert.Equal(v1.Id, (await client.GetJsonAsync("/api/coach/plans/current")).GetProperty("id").GetGuid());

        // A later pull of the same morning (intervals.icu this time, and a redelivery of it) offers nothing more.
        var again = new WellnessRecorded(WorkoutSource.IntervalsIcu, Today, new WellnessMetrics(HrvMs: 48, SleepSeconds: 5 * 3600, RestingHeartRateBpm: 59), DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await fixture.Publisher.Publish(again, c => c.MessageId = messageId);
        await fixture.Publisher.Publish(again, c => c.MessageId = messageId);
        await Eventually.WaitAsync(() => Task.FromResult(fixture.Consumed.Completed(messageId)), n => n >= 2, TimeSpan.FromSeconds(30));
        Assert.Single(await ReadyAnalysesAsync());

        var approved = await client.PostJsonAsync($"/api/coach/analyses/{analysis.GetProperty("id")}/approve", null, HttpStatusCode.OK);
        Assert.Equal("approved", approved.GetProperty("analysis").GetProperty("status").GetString());
        var v2 = await client.GetJsonAsync($"/api/coach/plans/{approved.GetProperty("newPlanId")}");
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal(v1.Id, v2.GetProperty("parentId").GetGuid());
        var day = v2.GetProperty("plan").GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .Single(d => DateOnly.Parse(d.GetProperty("date").GetString()!) == Today);
        Assert.Equal("endurance", day.GetProperty("workouts")[0].GetProperty("type").GetString());
        Assert.Equal(3600, day.GetProperty("workouts")[0].GetProperty("durationSeconds").GetInt32());
    }

    [Fact]
    public async Task Bad_ranges_are_validation_problems()
    {
        await client.GetJsonAsync("/api/coach/readiness?from=2026-11-10&to=2026-11-01", HttpStatusCode.BadRequest);
        await client.GetJsonAsync("/api/coach/readiness?from=2020-01-01&to=2026-11-01", HttpStatusCode.BadRequest);
        var none = await client.GetJsonAsync($"/api/coach/readiness?from={Today.AddYears(-5):yyyy-MM-dd}&to={Today.AddYears(-5).AddDays(10):yyyy-MM-dd}");
        Assert.Empty(none.GetProperty("days").EnumerateArray()); // days without wellness are absent, not zeros
    }

    /// <summary>Today a 1-hour threshold session, the rest of the week rest: stored as the current plan (v1).</summary>
    private async Task<PlanVersion> StorePlanAsync()
    {
        var monday = CoachApi.ThisMonday();
        var days = Enumerable.Range(0, 7).Select(i => monday.AddDays(i))
            .Select(d => new PlanDay(d, d == Today ? [WorkoutLibrary.Build(WorkoutType.Threshold, 3600)] : [])).ToList();
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PlanService>()
            .StoreAsync(new TrainingPlan(monday, "threshold", [new PlanWeek(1, "threshold", days)]), PlanOrigin.Generation, "test", null, null, CancellationToken.None);
        return stored.Version ?? throw new InvalidOperationException(string.Join("; ", stored.Violations));
    }

    private async Task<List<JsonElement>> ReadinessAsync(DateOnly from, DateOnly to) =>
        [.. (await client.GetJsonAsync($"/api/coach/readiness?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).GetProperty("days").EnumerateArray()];

    private async Task<List<JsonElement>> ReadyAnalysesAsync() =>
        [.. (await client.GetJsonAsync("/api/coach/analyses?type=readiness_adjustment")).GetProperty("items").EnumerateArray()];
}
