using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;

namespace CyclingCoach.SystemTests;

/// <summary>
/// The plan on the rider's intervals.icu calendar through the gateway, against the stack's fake intervals.icu
/// (<c>FAKE_INTERVALS_URL</c>): connect, turn the push on, generate, regenerate and undo — after each the calendar holds
/// exactly the current plan's sessions from yesterday on, and the event the rider made there stays. Turned off and
/// disconnected again at the end (the other tests expect no source connected).
/// </summary>
[Collection(Stack.Collection)]
public sealed class PlanPushTests
{
    private readonly HttpClient client = Stack.Client(Stack.ApiKey);
    private readonly HttpClient fake = new() { BaseAddress = new Uri(TestInfrastructure.Required("FAKE_INTERVALS_URL")) };

    [Fact]
    public async Task Generate_regenerate_and_undo_leave_exactly_the_current_plan_on_intervals_icu_beside_the_riders_event()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (await client.PutAsJsonAsync("/api/sync/intervals", new { athleteId = "i4242", apiKey = "fake-intervals-key" })).EnsureSuccessStatusCode();
        var rider = await (await fake.PostAsync($"/__fake/events?date={today.AddDays(1):yyyy-MM-dd}&name=Club%20ride%20{Guid.NewGuid():N}", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        var on = await client.PutAsJsonAsync("/api/sync/plan-push/intervals_icu", new { enabled = true });
        Assert.True(on.StatusCode == HttpStatusCode.OK, await on.Content.ReadAsStringAsync());
        try
        {
            var start = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            await GenerateAsync(start, "endurance");
            await AssertCalendarHoldsCurrentPlanAsync(rider.GetProperty("id").GetInt64());
            await GenerateAsync(start, "vo2max");
            await AssertCalendarHoldsCurrentPlanAsync(rider.GetProperty("id").GetInt64());
            var undo = await client.PostAsJsonAsync("/api/coach/plans/undo", new { });
            Assert.True(undo.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await undo.Content.ReadAsStringAsync());
            await AssertCalendarHoldsCurrentPlanAsync(rider.GetProperty("id").GetInt64());
        }
        finally
        {
            // Leave the stack as other tests expect it (no source connected): our events removed first, then the key.
            await client.PutAsJsonAsync("/api/sync/plan-push/intervals_icu", new { enabled = false });
            await Eventually.WaitAsync(() => client.GetFromJsonAsync<JsonElement>("/api/sync/plan-push"),
                s => s.GetProperty("sessions").EnumerateArray().All(x => x.GetProperty("statuses").GetArrayLength() == 0), TimeSpan.FromSeconds(60));
            await client.DeleteAsync("/api/sync/intervals");
        }
    }

    private async Task GenerateAsync(DateOnly start, string focus)
    {
        var response = await client.PostAsJsonAsync("/api/coach/plans/generate", new { startDate = start, goals = new { focus } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits until the push status names the current version and is settled, then compares the fake's calendar with the plan.</summary>
    private async Task AssertCalendarHoldsCurrentPlanAsync(long riderEventId)
    {
        var current = await client.GetFromJsonAsync<JsonElement>("/api/coach/plans/current");
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var expected = current.GetProperty("plan").GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .Where(d => DateOnly.Parse(d.GetProperty("date").GetString()!) >= from)
            .SelectMany(d => d.GetProperty("workouts").EnumerateArray().Select(w => $"{d.GetProperty("date").GetString()} {w.GetProperty("name").GetString()}"))
            .Order().ToList();
        var status = await Eventually.WaitAsync(() => client.GetFromJsonAsync<JsonElement>("/api/sync/plan-push"),
            s => s.GetProperty("planId").GetString() == current.GetProperty("id").GetString()
                 && s.GetProperty("sessions").EnumerateArray().All(x => x.GetProperty("statuses").EnumerateArray().All(st => st.GetProperty("state").GetString() == "pushed")),
            TimeSpan.FromSeconds(60));
        Assert.Equal(current.GetProperty("id").GetString(), status.GetProperty("planId").GetString());

        var events = await fake.GetFromJsonAsync<JsonElement>("/__fake/events");
        var ours = events.EnumerateArray().Where(e => e.TryGetProperty("external_id", out var x) && x.GetString()?.StartsWith("cyclingcoach-", StringComparison.Ordinal) == true)
            .Select(e => $"{e.GetProperty("start_date_local").GetString()![..10]} {e.GetProperty("name").GetString()}").Order().ToList();
        Assert.Equal(expected, ours);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("id").GetInt64() == riderEventId);
    }
}
