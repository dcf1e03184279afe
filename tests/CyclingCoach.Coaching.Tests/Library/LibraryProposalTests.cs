using System.Net;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Tests.Api;

namespace CyclingCoach.Coaching.Tests.Library;

/// <summary>
/// POST /api/coach/workouts/library/{id}/proposals: "put this session on day X" becomes a pending plan change that
/// the rules' validator has passed, and only the rider's approval changes the plan.
/// </summary>
public sealed class LibraryProposalTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    private static readonly LibraryWorkout Hour = WorkoutCatalogue.All.First(w => w.Category == LibraryCategory.Endurance && w.DurationSeconds <= 3600);
    private static readonly LibraryWorkout Long = WorkoutCatalogue.All.First(w => w.Category == LibraryCategory.Endurance && w.DurationSeconds >= 2 * 3600);

    private static string Path(LibraryWorkout w) => $"/api/coach/workouts/library/{w.Id}/proposals";

    [Fact]
    public async Task A_session_put_on_a_day_waits_for_approval_and_breaking_the_rules_is_refused()
    {
        var monday = CoachApi.ThisMonday().AddDays(7);
        var tuesday = monday.AddDays(1);
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM analyses");
        await client.PostJsonAsync(Path(Hour), new { date = tuesday }, HttpStatusCode.Conflict); // no plan yet

        await client.PutJsonAsync("/api/coach/athlete", new { ftpWatts = 250, weightKg = 70 }, HttpStatusCode.OK);
        await client.PostJsonAsync("/api/coach/rules", new { text = "I can ride Tuesday, Thursday, Saturday and Sunday. Max 8 hours a week. Tuesdays at most an hour." }, HttpStatusCode.Created);
        var plan = await client.PostJsonAsync("/api/coach/plans/generate", new { startDate = monday }, HttpStatusCode.Created);
        var planId = plan.GetProperty("id").GetGuid();

        await client.PostJsonAsync("/api/coach/workouts/library/no-such-session/proposals", new { date = tuesday }, HttpStatusCode.NotFound);
        var outside = await client.PostJsonAsync(Path(Hour), new { date = monday.AddDays(-3) }, HttpStatusCode.BadRequest);
        Assert.Contains("not a day of the plan", outside.GetProperty("errors").GetProperty("date")[0].GetString());
        // Two hours on a day the rules cap at one: the validator would have to change what was proposed.
        var refused = await client.PostJsonAsync(Path(Long), new { date = tuesday }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("urn:cyclingcoach:problem:plan-refused", refused.GetProperty("type").GetString());
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM analyses"));

        var proposal = await client.PostJsonAsync(Path(Hour), new { date = tuesday }, HttpStatusCode.Created);
        Assert.Equal("chat_proposal", proposal.GetProperty("type").GetString());
        Assert.Equal("rider", proposal.GetProperty("engine").GetString());
        var suggestion = Assert.Single(proposal.GetProperty("suggestions").EnumerateArray());
        Assert.Equal("pending", suggestion.GetProperty("state").GetString());
        Assert.Equal("replace", suggestion.GetProperty("operation").GetProperty("kind").GetString());
        Assert.Contains(Hour.Name, suggestion.GetProperty("reason").GetString());
        Assert.Equal(planId, (await client.GetJsonAsync("/api/coach/plans/current")).GetProperty("id").GetGuid());
        // It is Tuesday's business: the week at a glance lists it.
        var week = await client.GetJsonAsync($"/api/coach/analyses/week/{monday:yyyy-MM-dd}");
        Assert.Contains(week.GetProperty("items").EnumerateArray(), i => i.GetProperty("analysisId").GetGuid() == proposal.GetProperty("id").GetGuid());

        var approved = await client.PostJsonAsync($"/api/coach/analyses/{proposal.GetProperty("id").GetGuid()}/approve", null, HttpStatusCode.OK);
        var current = await client.GetJsonAsync("/api/coach/plans/current");
        Assert.Equal(approved.GetProperty("newPlanId").GetGuid(), current.GetProperty("id").GetGuid());
        var day = current.GetProperty("plan").GetProperty("weeks")[0].GetProperty("days")[1];
        Assert.Equal(tuesday, DateOnly.Parse(day.GetProperty("date").GetString()!));
        var session = Assert.Single(day.GetProperty("workouts").EnumerateArray());
        Assert.Equal(Hour.Name, session.GetProperty("name").GetString());
        Assert.Equal(Hour.DurationSeconds, session.GetProperty("durationSeconds").GetInt32());
    }
}
