using System.Net;
using System.Text.Json;
using CyclingCoach.Coaching.Tests.Api;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;
using MassTransit;

namespace CyclingCoach.Coaching.Tests.Analyses;

/// <summary>
/// After a threshold change (<c>WorkoutMetricsRecalculated</c>) no analysis keeps citing old numbers silently: an open
/// review of a recent ride is analysed again (same id, through the worker), a pending one is restarted, a decided one
/// is kept and marked as based on the old numbers, and so is an open one of an older ride — until the rider asks.
/// </summary>
public sealed class StaleAnalysisTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private static WorkoutMetrics Numbers(double tss, double intensity, double ftp) => new(ftp * intensity, intensity, tss, null, 500, 100, ftp, null, tss, "power");

    private async Task<Guid> RideAsync(int daysAgo)
    {
        var id = Guid.NewGuid();
        var start = new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(7, 30)), TimeZoneInfo.Local.GetUtcOffset(DateTime.Now));
        await fixture.Publisher.Publish(new WorkoutImported(id, WorkoutSource.File, null, $"Ride {daysAgo} days ago", "cycling", start, 3600, 30_000, 160, 130,
            Numbers(21, 0.52, 310)));
        return id;
    }

    private async Task<JsonElement> ReviewAsync(Guid workoutId, Func<JsonElement, bool> until)
    {
        var page = await Eventually.WaitAsync(
            () => client.GetJsonAsync($"/api/coach/analyses?workoutId={workoutId}&type=workout_review"),
            p => p.GetProperty("items").GetArrayLength() > 0 && until(p.GetProperty("items")[0]),
            TimeSpan.FromSeconds(30));
        Assert.True(page.GetProperty("items").GetArrayLength() > 0 && until(page.GetProperty("items")[0]), $"the review of {workoutId} never got there: {page}");
        return page.GetProperty("items")[0];
    }

    private static bool Ready(JsonElement a) => a.GetProperty("status").GetString() == "ready";

    private static double BasedOnTss(JsonElement a) => a.GetProperty("basedOn").GetProperty("trainingStressScore").GetDouble();

    [Fact]
    public async Task Open_reviews_of_recent_rides_are_analysed_again_and_decided_or_older_ones_are_marked_stale()
    {
        var open = await RideAsync(1);
        var decided = await RideAsync(2);
        var old = await RideAsync(60);
        var running = await RideAsync(3);
        var openReview = await ReviewAsync(open, Ready);
        Assert.Equal(21, BasedOnTss(openReview));
        Assert.False(openReview.GetProperty("stale").GetBoolean());
        Assert.Equal(JsonValueKind.Null, openReview.GetProperty("current").ValueKind);
        var decidedReview = await ReviewAsync(decided, Ready);
        await client.PostJsonAsync($"/api/coach/analyses/{decidedReview.GetProperty("id")}/reject", new { reason = "not now" }, HttpStatusCode.OK);
        var oldReview = await ReviewAsync(old, Ready);

        // A review a worker is computing right now (pending, leased, first attempt): the threshold change restarts it.
        var runningReview = await ReviewAsync(running, Ready);
        Assert.Equal(1, await fixture.Database.ScalarAsync<int>(
            $"UPDATE analyses SET status = 'Pending', attempts = 1, lease_until = now() + interval '1 hour' WHERE id = '{runningReview.GetProperty("id")}' RETURNING 1"));

        // Sync recomputed every ride with a lower FTP: TSS 21 → 60.
        var messageIds = new Dictionary<Guid, Guid>();
        foreach (var ride in new[] { open, decided, old, running })
        {
            messageIds[ride] = Guid.NewGuid();
            await fixture.Publisher.Publish(new WorkoutMetricsRecalculated(ride, Numbers(60, 0.87, 200), 2, DateTimeOffset.UtcNow), c => c.MessageId = messageIds[ride]);
        }

        // The open review of a recent ride: the same analysis, run again by the worker, now citing TSS 60.
        var refreshed = await ReviewAsync(open, a => Ready(a) && BasedOnTss(a) == 60);
        Assert.Equal(openReview.GetProperty("id").GetGuid(), refreshed.GetProperty("id").GetGuid());
        Assert.Equal(60, refreshed.GetProperty("facts").GetProperty("trainingStressScore").GetDouble());
        Assert.Equal(200, refreshed.GetProperty("facts").GetProperty("ftpWatts").GetDouble());
        Assert.False(refreshed.GetProperty("stale").GetBoolean());

        // The one a worker held: restarted at once (not after its hour-long lease), on the new numbers.
        var restarted = await ReviewAsync(running, a => Ready(a) && BasedOnTss(a) == 60);
        Assert.Equal(runningReview.GetProperty("id").GetGuid(), restarted.GetProperty("id").GetGuid());

        // The rejected one stays as decided, marked: based on TSS 21 at FTP 310, the ride now TSS 60 at FTP 200.
        var marked = await ReviewAsync(decided, a => a.GetProperty("stale").GetBoolean());
        Assert.Equal("rejected", marked.GetProperty("status").GetString());
        Assert.Equal(21, BasedOnTss(marked));
        Assert.Equal(310, marked.GetProperty("basedOn").GetProperty("ftpWatts").GetDouble());
        Assert.Equal(60, marked.GetProperty("current").GetProperty("trainingStressScore").GetDouble());
        Assert.Equal(200, marked.GetProperty("current").GetProperty("ftpWatts").GetDouble());

        // The open review of a 60-day-old ride is not re-run by itself, only marked.
        var older = await ReviewAsync(old, a => a.GetProperty("stale").GetBoolean());
        Assert.Equal("ready", older.GetProperty("status").GetString());
        Assert.Equal(21, BasedOnTss(older));

        // Delivered again (same MessageId): nothing is queued twice.
        var completedAt = refreshed.GetProperty("completedAt").GetDateTimeOffset();
        await fixture.Publisher.Publish(new WorkoutMetricsRecalculated(open, Numbers(60, 0.87, 200), 2, DateTimeOffset.UtcNow), c => c.MessageId = messageIds[open]);
        await Eventually.WaitAsync(() => Task.FromResult(fixture.Consumed.Completed(messageIds[open])), n => n >= 2, TimeSpan.FromSeconds(30));
        var after = await client.GetJsonAsync($"/api/coach/analyses/{openReview.GetProperty("id")}");
        Assert.Equal("ready", after.GetProperty("status").GetString());
        Assert.Equal(completedAt, after.GetProperty("completedAt").GetDateTimeOffset());

        // Asked by the rider: the older open review is run again in place; beside the decided one a new review is made.
        var again = await client.PostJsonAsync($"/api/coach/workouts/{old}/analyze", null, HttpStatusCode.Accepted);
        Assert.Equal(oldReview.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(60, BasedOnTss(await ReviewAsync(old, a => Ready(a) && BasedOnTss(a) == 60)));
        var fresh = await client.PostJsonAsync($"/api/coach/workouts/{decided}/analyze", null, HttpStatusCode.Accepted);
        Assert.NotEqual(decidedReview.GetProperty("id").GetGuid(), fresh.GetProperty("id").GetGuid());
        var reviews = await Eventually.WaitAsync(
            () => client.GetJsonAsync($"/api/coach/analyses?workoutId={decided}&type=workout_review"),
            p => p.GetProperty("items").EnumerateArray().Any(a => Ready(a) && BasedOnTss(a) == 60),
            TimeSpan.FromSeconds(30));
        Assert.Equal(2, reviews.GetProperty("total").GetInt32());
        Assert.Equal("rejected", (await client.GetJsonAsync($"/api/coach/analyses/{decidedReview.GetProperty("id")}")).GetProperty("status").GetString());
    }
}
