using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>
/// The rider taps Approve twice, or on the phone and the laptop at once: several approvals of one analysis arrive
/// together. Exactly one plan version (and one PlanVersionCreated) comes of them, the decision is recorded once, and
/// every request gets a clear answer: 200 with that version (an approval sent twice), or a 409 ProblemDetails.
/// </summary>
public sealed class ConcurrentApprovalTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private const int AtOnce = 6;
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Approving_one_analysis_several_times_at_once_makes_one_plan_version()
    {
        var analysisId = await AnalysisWithPlanChangesAsync();
        var versionsBefore = (await client.GetJsonAsync("/api/coach/plans/versions")).GetProperty("total").GetInt32();

        var answers = await ApproveAtOnceAsync(analysisId);

        var planIds = answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Body.GetProperty("newPlanId").GetGuid()).Distinct().ToList();
        var newPlanId = Assert.Single(planIds);
        Assert.Equal(versionsBefore + 1, (await client.GetJsonAsync("/api/coach/plans/versions")).GetProperty("total").GetInt32());
        Assert.Equal(newPlanId, (await client.GetJsonAsync("/api/coach/plans/current")).GetProperty("id").GetGuid());
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PlanVersionCreated%' AND payload->>'createdBy' = 'analysis:{analysisId}'"));
        await AssertDecidedOnceAsync(analysisId);
    }

    [Fact]
    public async Task Approving_one_threshold_suggestion_several_times_at_once_adopts_it_once()
    {
        await client.PutJsonAsync("/api/coach/athlete", new { effectiveFrom = "2026-01-01", ftpWatts = 230, weightKg = 71 }, HttpStatusCode.OK);
        await fixture.Publisher.Publish(new AthleteSettingsImported(WorkoutSource.Garmin, 247, 71, 190, 48, 168, null, DateTimeOffset.UtcNow));
        var page = await Eventually.WaitAsync(
            () => client.GetJsonAsync("/api/coach/analyses?type=threshold_update&status=ready"),
            p => p.GetProperty("items").GetArrayLength() > 0,
            TimeSpan.FromSeconds(30));
        var analysisId = page.GetProperty("items")[0].GetProperty("id").GetGuid();
        var periodsBefore = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM athlete_threshold_periods");

        await ApproveAtOnceAsync(analysisId);

        Assert.Equal(247, (await client.GetJsonAsync("/api/coach/athlete")).GetProperty("ftpWatts").GetDouble());
        Assert.Equal(periodsBefore + 1, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM athlete_threshold_periods"));
        await AssertDecidedOnceAsync(analysisId);
    }

    /// <summary>Sends the approvals together; each answer is 200 or a 409 ProblemDetails, and at least one is 200.</summary>
    private async Task<List<(HttpStatusCode Status, JsonElement Body)>> ApproveAtOnceAsync(Guid analysisId)
    {
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, AtOnce).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await client.PostAsJsonAsync($"/api/coach/analyses/{analysisId}/approve", new { });
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(), response.Content.Headers.ContentType?.MediaType);
        }).ToList();
        start.Release(AtOnce);
        var answers = await Task.WhenAll(requests);

        Assert.All(answers, a => Assert.True(
            a.StatusCode == HttpStatusCode.OK || (a.StatusCode == HttpStatusCode.Conflict && a.MediaType == "application/problem+json"),
            $"{(int)a.StatusCode} {a.Item2}"));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        return answers.Select(a => (a.StatusCode, a.Item2)).ToList();
    }

    /// <summary>Every suggestion approved, and its approval recorded once.</summary>
    private async Task AssertDecidedOnceAsync(Guid analysisId)
    {
        var analysis = await client.GetJsonAsync($"/api/coach/analyses/{analysisId}");
        Assert.Equal("approved", analysis.GetProperty("status").GetString());
        var suggestions = analysis.GetProperty("suggestions").GetArrayLength();
        Assert.Equal(suggestions, await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM flag_changes WHERE entity = 'suggestion' AND entity_id = '{analysisId}' AND value = 'approved'"));
    }

    /// <summary>A plan, then a big day (3.5 h at IF 1.0, TSS 350) on a planned session with a hard session in the two
    /// days after it: on Coggan's scale 300–450 TSS leaves fatigue for two days, so the built-in coach moves or eases
    /// that session (coaching.md §5) — an analysis whose suggestions change the plan.</summary>
    private async Task<Guid> AnalysisWithPlanChangesAsync()
    {
        string[] hard = ["sweet_spot", "threshold", "vo2_max", "anaerobic", "sprint"];
        await client.PutJsonAsync("/api/coach/athlete", new { ftpWatts = 250, weightKg = 70, lactateThresholdHeartRateBpm = 165, maxHeartRateBpm = 188 }, HttpStatusCode.OK);
        var plan = (await client.PostJsonAsync("/api/coach/plans/generate",
            new { startDate = CoachApi.ThisMonday(), goals = new { focus = "threshold", weeklyHours = 7 } }, HttpStatusCode.Created)).GetProperty("plan");
        var sessions = plan.GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .Where(d => d.GetProperty("workouts").GetArrayLength() > 0)
            .Select(d => (Date: DateOnly.Parse(d.GetProperty("date").GetString()!), Hard: d.GetProperty("workouts").EnumerateArray().Any(w => hard.Contains(w.GetProperty("type").GetString()))))
            .ToList();
        var ridden = sessions.First(s => sessions.Any(n => n.Hard && n.Date > s.Date && n.Date.DayNumber - s.Date.DayNumber <= 2));
        var workoutId = Guid.NewGuid();
        await fixture.Publisher.Publish(new WorkoutImported(
            workoutId, WorkoutSource.File, null, "Far too hard", "cycling",
            new DateTimeOffset(ridden.Date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
            3.5 * 3600, 110_000, 250, 150,
            new WorkoutMetrics(250, 1.0, 350, null, 3150, 900, 250, null, 350, "power")));
        var page = await Eventually.WaitAsync(
            () => client.GetJsonAsync($"/api/coach/analyses?workoutId={workoutId}&type=workout_review"), // the ride may also get an FTP estimate or a question about its data
            p => p.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("status").GetString() == "ready"),
            TimeSpan.FromSeconds(30));
        var analysis = page.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("status").GetString() == "ready");
        Assert.Contains(analysis.GetProperty("suggestions").EnumerateArray(), s => s.TryGetProperty("operation", out var operation) && operation.ValueKind == JsonValueKind.Object);
        return analysis.GetProperty("id").GetGuid();
    }
}
