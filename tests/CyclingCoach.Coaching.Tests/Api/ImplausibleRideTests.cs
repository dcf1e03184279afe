using System.Net;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>
/// A ride nobody can ride (4 h at IF 1.27) through the real service: held out of fitness from the moment it is
/// projected, its review asks whether the FTP or the file is wrong with two answers the rider picks one of; "the data
/// is wrong" keeps it out, the ride's load can be counted again at any time, and rejecting both answers counts it.
/// </summary>
public sealed class ImplausibleRideTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private static readonly DateOnly Monday = CoachApi.ThisMonday().AddDays(-7);
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task The_ride_stays_out_of_fitness_until_the_rider_says_whether_the_ftp_or_the_file_is_wrong()
    {
        await ReactionTestPlans.StoreAsync(fixture, ReactionTestPlans.Standard(Monday));
        var wednesday = Monday.AddDays(2);
        var ride = await ImpossibleRideAsync(wednesday);

        var review = await ReviewAsync(ride);
        Assert.Equal("held", (await client.GetJsonAsync($"/api/coach/workouts/{ride}")).GetProperty("loadState").GetString());
        Assert.Equal(0, await LoadOnAsync(wednesday));
        Assert.True(review.GetProperty("facts").GetProperty("loadHeld").GetBoolean());
        Assert.Contains(review.GetProperty("feedback").GetProperty("improvements").EnumerateArray(),
            c => c.GetProperty("text").GetString()!.Contains("FTP of 250 W is too low") && c.GetProperty("text").GetString()!.Contains("power data is wrong"));
        var answers = review.GetProperty("suggestions").EnumerateArray().Where(s => s.GetProperty("oneOf").ValueKind == JsonValueKind.String).ToList();
        Assert.Equal(["thresholds", "exclude_ride"], answers.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal(330, answers[0].GetProperty("thresholds").GetProperty("ftpWatts").GetDouble()); // its best hour
        // No plan change rests on an impossible load (TSS 645 would otherwise ease the next three days), and no FTP
        // estimate is offered from its power.
        Assert.DoesNotContain(review.GetProperty("suggestions").EnumerateArray(), s => s.GetProperty("kind").GetString() == "plan_operation");
        Assert.Empty((await client.GetJsonAsync($"/api/coach/analyses?type=threshold_update&workoutId={ride}")).GetProperty("items").EnumerateArray());

        // "Approve all" cannot choose between the answers; the rider picks "the data is wrong".
        var id = review.GetProperty("id").GetGuid();
        await client.PostJsonAsync($"/api/coach/analyses/{id}/approve", null, HttpStatusCode.BadRequest);
        await client.PostJsonAsync($"/api/coach/analyses/{id}/approve", new { suggestionIds = answers.Select(a => a.GetProperty("id").GetString()) }, HttpStatusCode.BadRequest);
        var decided = await client.PostJsonAsync($"/api/coach/analyses/{id}/approve", new { suggestionIds = new[] { answers[1].GetProperty("id").GetString() } }, HttpStatusCode.OK);
        var states = decided.GetProperty("analysis").GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("state").GetString()).ToList();
        Assert.Equal(["rejected", "approved"], states.TakeLast(2));
        Assert.Equal("excluded", (await client.GetJsonAsync($"/api/coach/workouts/{ride}")).GetProperty("loadState").GetString());
        Assert.Equal(JsonValueKind.Null, (await client.GetJsonAsync("/api/coach/athlete")).GetProperty("ftpWatts").ValueKind);
        Assert.Equal(0, await LoadOnAsync(wednesday));

        // Reversible: the rider counts it after all.
        var counted = await client.PutJsonAsync($"/api/coach/workouts/{ride}/load", new { counted = true }, HttpStatusCode.OK);
        Assert.Equal("confirmed", counted.GetProperty("loadState").GetString());
        Assert.Equal(645, await LoadOnAsync(wednesday));
        await client.PutJsonAsync($"/api/coach/workouts/{Guid.NewGuid()}/load", new { counted = true }, HttpStatusCode.NotFound);

        // Another such ride, both answers rejected: the rider says it is right, and it counts.
        var friday = Monday.AddDays(4);
        var second = await ImpossibleRideAsync(friday);
        var secondReview = await ReviewAsync(second);
        await client.PostJsonAsync($"/api/coach/analyses/{secondReview.GetProperty("id")}/reject", new { reason = "it was a motor-paced ride" }, HttpStatusCode.OK);
        Assert.Equal("confirmed", (await client.GetJsonAsync($"/api/coach/workouts/{second}")).GetProperty("loadState").GetString());
        Assert.Equal(645, await LoadOnAsync(friday));
    }

    private async Task<Guid> ImpossibleRideAsync(DateOnly date)
    {
        // FTP used 250 W, NP 317.5 W: IF 1.27 for 4 h, TSS 645 (4 × 100 × 1.27²).
        var id = Guid.NewGuid();
        await fixture.Publisher.Publish(new WorkoutImported(id, WorkoutSource.File, null, "Four hours at 127 %", "cycling",
            new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero), 4 * 3600, 120_000, 300, 150,
            new WorkoutMetrics(317.5, 1.27, 645, null, 4300, 900, 250, null, 645, "power",
                [new MeanMaxPoint(1200, 345), new MeanMaxPoint(3600, 330)])));
        return id;
    }

    private async Task<JsonElement> ReviewAsync(Guid workoutId)
    {
        var page = await Eventually.WaitAsync(
            () => client.GetJsonAsync($"/api/coach/analyses?workoutId={workoutId}&type=workout_review"),
            p => p.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("status").GetString() == "ready"),
            TimeSpan.FromSeconds(30));
        return page.GetProperty("items")[0];
    }

    private async Task<double> LoadOnAsync(DateOnly date) =>
        (await client.GetJsonAsync($"/api/coach/fitness?from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}")).GetProperty("days")[0].GetProperty("load").GetDouble();
}
