using System.Net;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>
/// The loop a rider lives in, on the real database and bus with the built-in coach: rules → plan v1 → ride imported →
/// analysis with suggestions → approve → plan v2 (parent v1) → diff; approving twice changes nothing; undo.
/// </summary>
public sealed class CoachingLoopTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private static readonly DayOfWeek[] RidingDays = [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday, DayOfWeek.Sunday];
    private readonly HttpClient client = fixture.Client;

    private async Task<JsonElement> WaitForAnalysisAsync(Guid workoutId, string status)
    {
        var page = await Eventually.WaitAsync(
            () => client.GetJsonAsync($"/api/coach/analyses?workoutId={workoutId}&type=workout_review"),
            p => p.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("status").GetString() == status),
            TimeSpan.FromSeconds(30));
        return page.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("status").GetString() == status);
    }

    [Fact]
    public async Task Rules_plan_ride_analysis_approval_new_version_diff_and_undo()
    {
        await using var analysesDone = await BusListener<AnalysisCompleted>.StartAsync(fixture);
        await using var versions = await BusListener<PlanVersionCreated>.StartAsync(fixture);
        await client.PutJsonAsync("/api/coach/athlete", new { ftpWatts = 250, weightKg = 70, lactateThresholdHeartRateBpm = 165, maxHeartRateBpm = 188, restingHeartRateBpm = 50 }, HttpStatusCode.OK);
        await client.PostJsonAsync("/api/coach/rules", new
        {
            text = "I can ride Tuesday, Thursday, Saturday and Sunday. Max 8 hours a week. Max 2 hard sessions per week. "
                + "No back-to-back hard days. Long ride on Sunday up to 4 hours.",
        }, HttpStatusCode.Created);

        var monday = CoachApi.ThisMonday();
        var v1 = await client.PostJsonAsync("/api/coach/plans/generate",
            new { startDate = monday, goals = new { focus = "threshold", weeklyHours = 7 } }, HttpStatusCode.Created);
        Assert.Equal("coach:builtin", v1.GetProperty("createdBy").GetString());
        Assert.Equal("generation", v1.GetProperty("origin").GetString());
        var plan = v1.GetProperty("plan");
        Assert.Equal(monday, DateOnly.Parse(plan.GetProperty("startDate").GetString()!));
        Assert.Equal(4, plan.GetProperty("weeks").GetArrayLength());
        foreach (var week in plan.GetProperty("weeks").EnumerateArray())
        {
            var days = week.GetProperty("days").EnumerateArray().ToList();
            Assert.Equal(7, days.Count);
            var ridden = days.Where(d => d.GetProperty("workouts").GetArrayLength() > 0).ToList();
            Assert.All(ridden, d => Assert.Contains(DateOnly.Parse(d.GetProperty("date").GetString()!).DayOfWeek, RidingDays));
            var seconds = ridden.SelectMany(d => d.GetProperty("workouts").EnumerateArray()).Sum(w => w.GetProperty("durationSeconds").GetInt32());
            Assert.InRange(seconds, 1, 8 * 3600);
        }

        // A 3-hour ride of TSS 320 on a planned session's day with a hard session within the two days after it: 300–450
        // TSS leaves two days that must be easy (coaching.md §5, Coggan's scale).
        var sessions = plan.GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .Where(d => d.GetProperty("workouts").GetArrayLength() > 0)
            .Select(d => (Date: DateOnly.Parse(d.GetProperty("date").GetString()!), Workout: d.GetProperty("workouts")[0]))
            .ToList();
        string[] hard = ["sweet_spot", "threshold", "vo2_max", "anaerobic", "sprint"];
        var ridden1 = sessions.First(s => sessions.Any(n => n.Date > s.Date && n.Date.DayNumber - s.Date.DayNumber <= 2
            && hard.Contains(n.Workout.GetProperty("type").GetString())));
        var plannedTss = ridden1.Workout.GetProperty("targetTss").GetDouble();
        var workoutId = Guid.NewGuid();
        await fixture.Publisher.Publish(new WorkoutImported(
            workoutId, WorkoutSource.File, null, "Way too hard", "cycling",
            new DateTimeOffset(ridden1.Date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(1)),
            3 * 3600, 80_000, 240, 150,
            new WorkoutMetrics(270, 1.03, 320, null, 2000, 900, 260, null, 320, "power")));

        var analysis = await WaitForAnalysisAsync(workoutId, "ready");
        Assert.Equal("builtin", analysis.GetProperty("engine").GetString());
        var facts = analysis.GetProperty("facts");
        Assert.Equal(plannedTss, facts.GetProperty("planned").GetProperty("targetTss").GetDouble(), 1);
        Assert.True(facts.GetProperty("compliancePercent").GetDouble() < 50);
        var suggestions = analysis.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal("pending", s.GetProperty("state").GetString()));
        var analysisId = analysis.GetProperty("id").GetGuid();
        var completed = await analysesDone.WaitForAsync(m => m.AnalysisId == analysisId);
        Assert.Equal(suggestions.Count, completed.SuggestionCount);

        // Approve: a new version whose parent is v1, made by the analysis.
        var approved = await client.PostJsonAsync($"/api/coach/analyses/{analysisId}/approve", null, HttpStatusCode.OK);
        var newPlanId = approved.GetProperty("newPlanId").GetGuid();
        Assert.Equal("approved", approved.GetProperty("analysis").GetProperty("status").GetString());
        var v2 = await client.GetJsonAsync("/api/coach/plans/current");
        Assert.Equal(newPlanId, v2.GetProperty("id").GetGuid());
        Assert.Equal(v1.GetProperty("version").GetInt32() + 1, v2.GetProperty("version").GetInt32());
        Assert.Equal(v1.GetProperty("id").GetGuid(), v2.GetProperty("parentId").GetGuid());
        Assert.Equal($"analysis:{analysisId}", v2.GetProperty("createdBy").GetString());
        var created = await versions.WaitForAsync(m => m.PlanId == newPlanId && m.ParentId == v1.GetProperty("id").GetGuid());

        // The event carries every session of the new version with its steps (Sync puts them on the rider's calendars).
        var planned = v2.GetProperty("plan").GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .SelectMany(d => d.GetProperty("workouts").EnumerateArray().Select(w => (Date: DateOnly.Parse(d.GetProperty("date").GetString()!), Name: w.GetProperty("name").GetString()!, Steps: w.GetProperty("steps").GetArrayLength())))
            .ToList();
        Assert.Equal(planned, created.Sessions!.Select(s => (s.Date, s.Name, s.Steps.Count)).ToList());
        Assert.All(created.Sessions!, s => Assert.InRange(s.Slot, 1, 3));

        // Approving again changes nothing.
        var again = await client.PostJsonAsync($"/api/coach/analyses/{analysisId}/approve", null, HttpStatusCode.OK);
        Assert.Equal(newPlanId, again.GetProperty("newPlanId").GetGuid());
        var history = await client.GetJsonAsync("/api/coach/plans/versions");
        Assert.Equal(2, history.GetProperty("total").GetInt32());

        // The diff shows what the approval changed, on days after the ride only.
        var diff = await client.GetJsonAsync($"/api/coach/plans/diff?from={v1.GetProperty("id")}&to={newPlanId}");
        var changedDays = diff.GetProperty("diff").GetProperty("days").EnumerateArray().Select(d => DateOnly.Parse(d.GetProperty("date").GetString()!)).ToList();
        Assert.NotEmpty(changedDays);
        Assert.All(changedDays, d => Assert.True(d > ridden1.Date));

        // Planned vs done sees the ride on its day.
        var compliance = await client.GetJsonAsync("/api/coach/plans/current/compliance");
        var day = compliance.GetProperty("days").EnumerateArray().Single(d => DateOnly.Parse(d.GetProperty("date").GetString()!) == ridden1.Date);
        Assert.Contains(day.GetProperty("workoutIds").EnumerateArray(), id => id.GetGuid() == workoutId);

        // Undo: a third version with v1's days.
        var v3 = await client.PostJsonAsync("/api/coach/plans/undo", null, HttpStatusCode.Created);
        Assert.Equal("undo", v3.GetProperty("origin").GetString());
        Assert.Equal(newPlanId, v3.GetProperty("parentId").GetGuid());
        var back = await client.GetJsonAsync($"/api/coach/plans/diff?from={v1.GetProperty("id")}&to={v3.GetProperty("id")}");
        Assert.Equal(0, back.GetProperty("diff").GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task Analyses_refuse_bad_decisions_and_reject_keeps_the_plan()
    {
        await client.GetJsonAsync($"/api/coach/analyses/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await client.PostJsonAsync($"/api/coach/workouts/{Guid.NewGuid()}/analyze", null, HttpStatusCode.NotFound);
        await client.PostJsonAsync($"/api/coach/analyses/{Guid.NewGuid()}/approve", null, HttpStatusCode.NotFound);
        await client.GetJsonAsync("/api/coach/analyses?status=maybe", HttpStatusCode.BadRequest);

        var workoutId = Guid.NewGuid();
        await fixture.Publisher.Publish(new WorkoutImported(workoutId, WorkoutSource.Manual, null, "Easy spin", "cycling",
            DateTimeOffset.Now.AddDays(-1), 3600, 25_000, null, 120, null));
        var first = await WaitForAnalysisAsync(workoutId, "ready");

        // Asking again queues a second analysis of the same ride, answered 202 with a place to poll.
        var queued = await client.PostJsonAsync($"/api/coach/workouts/{workoutId}/analyze", null, HttpStatusCode.Accepted);
        Assert.Equal("pending", queued.GetProperty("status").GetString());
        await Eventually.WaitAsync(
            () => client.GetJsonAsync($"/api/coach/analyses/{queued.GetProperty("id")}"),
            a => a.GetProperty("status").GetString() == "ready",
            TimeSpan.FromSeconds(30));

        var id = first.GetProperty("id").GetGuid();
        var unknown = await client.PostJsonAsync($"/api/coach/analyses/{id}/approve", new { suggestionIds = new[] { "s99" } }, HttpStatusCode.BadRequest);
        Assert.Contains("s99", unknown.GetProperty("errors").GetProperty("suggestionIds")[0].GetString());

        var rejected = await client.PostJsonAsync($"/api/coach/analyses/{id}/reject", new { reason = "I know my legs" }, HttpStatusCode.OK);
        Assert.Equal("I know my legs", rejected.GetProperty("analysis").GetProperty("rejectReason").GetString());
        Assert.False(rejected.TryGetProperty("newPlanId", out var planId) && planId.ValueKind != JsonValueKind.Null);
    }
}
