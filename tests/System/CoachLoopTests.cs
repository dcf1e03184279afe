using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Fakes;
using CyclingCoach.Testing;

namespace CyclingCoach.SystemTests;

/// <summary>
/// The coach's loop through the gateway, as a client written from the seed or the web app drives it: rules in plain
/// words → structured rules → plan v1 → ride logged → analysis (facts, feedback, suggestions) → approve → plan v2 with
/// parent v1 → diff; threshold change → recomputed load → fitness changes.
/// </summary>
[Collection(Stack.Collection)]
public sealed class CoachLoopTests : IAsyncLifetime
{
    private static readonly string[] Hard = ["sweet_spot", "threshold", "vo2_max", "anaerobic", "sprint"];
    private readonly HttpClient client = Stack.Client(Stack.ApiKey);

    /// <summary>Rides a test logged only for itself: the stack is shared with the web end-to-end tier, whose plans
    /// would otherwise start from a rider made tired by a 3 h all-out ride.</summary>
    private readonly List<Guid> ridesToDelete = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in ridesToDelete)
        {
            using var response = await client.DeleteAsync($"/api/workouts/{id}");
        }
    }

    private Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected) =>
        client.SendJsonAsync(method, path, body, expected);

    [Fact]
    public async Task Rules_to_plan_to_ride_to_analysis_to_approved_version_with_a_diff()
    {
        await using var events = await EventStream.OpenAsync();
        await SendAsync(HttpMethod.Put, "/api/coach/athlete", new { ftpWatts = 240, weightKg = 74, lactateThresholdHeartRateBpm = 166, maxHeartRateBpm = 189, restingHeartRateBpm = 52 }, HttpStatusCode.OK);
        var parsed = await SendAsync(HttpMethod.Post, "/api/coach/rules/parse",
            new { text = "I can ride Tuesday, Thursday, Saturday and Sunday. No more than 8 hours a week. Max 2 hard sessions per week. Long ride on Sunday up to 4 hours. I like coffee stops." },
            HttpStatusCode.OK);
        Assert.Contains(parsed.GetProperty("notUnderstood").EnumerateArray(), p => p.GetString()!.Contains("coffee"));
        await SendAsync(HttpMethod.Post, "/api/coach/rules", new { text = "edited by the rider", rules = parsed.GetProperty("rules") }, HttpStatusCode.Created);

        // Start last week so that rides already done fall inside the plan.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var start = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);
        var v1 = await SendAsync(HttpMethod.Post, "/api/coach/plans/generate", new { startDate = start, goals = new { focus = "threshold" } }, HttpStatusCode.Created);
        var v1Id = v1.GetProperty("id").GetGuid();
        Assert.True(await events.WaitForAsync("plan-version-created", v1Id.ToString(), TimeSpan.FromSeconds(10)));

        // A very hard ride (RPE 10, three hours: TSS 300, two easy days on Coggan's scale) on a day, already past, that has
        // a hard session in the two days after it.
        var days = v1.GetProperty("plan").GetProperty("weeks").EnumerateArray().SelectMany(w => w.GetProperty("days").EnumerateArray())
            .Select(d => (Date: DateOnly.Parse(d.GetProperty("date").GetString()!), Workouts: d.GetProperty("workouts").EnumerateArray().ToList()))
            .ToList();
        var rideDay = days.First(d => d.Date <= today && d.Workouts.Count > 0
            && days.Any(n => n.Date > d.Date && n.Date.DayNumber - d.Date.DayNumber <= 2 && n.Workouts.Any(w => Hard.Contains(w.GetProperty("type").GetString()))));
        var ride = await SendAsync(HttpMethod.Post, "/api/workouts/manual", new
        {
            name = "Everything I had",
            startTime = new DateTimeOffset(rideDay.Date.ToDateTime(new TimeOnly(8, 0)), TimeZoneInfo.Local.GetUtcOffset(DateTime.Now)),
            durationSeconds = 3 * 3600,
            distanceMeters = 95_000,
            rpe = 10,
        }, HttpStatusCode.Created);
        var workoutId = ride.GetProperty("id").GetGuid();
        ridesToDelete.Add(workoutId);

        // Analysis ready (the built-in coach: no OpenRouter key on this stack), announced on the event stream.
        Assert.True(await events.WaitForAsync("analysis-completed", workoutId.ToString(), TimeSpan.FromSeconds(15)), "no analysis-completed event");
        var analyses = await client.GetFromJsonAsync<JsonElement>($"/api/coach/analyses?workoutId={workoutId}&type=workout_review");
        var analysis = analyses.GetProperty("items")[0];
        Assert.Equal("ready", analysis.GetProperty("status").GetString());
        Assert.Equal("builtin", analysis.GetProperty("engine").GetString());
        Assert.NotEmpty(analysis.GetProperty("feedback").GetProperty("summary").GetString()!);
        Assert.NotEmpty(analysis.GetProperty("suggestions").EnumerateArray());

        // The seed's approve path returns new_plan_id; the new version's parent is v1.
        var approved = await SendAsync(HttpMethod.Post, $"/api/analyses/{analysis.GetProperty("id")}/approve", null, HttpStatusCode.OK);
        var newPlanId = approved.GetProperty("new_plan_id").GetGuid();
        var current = await client.GetFromJsonAsync<JsonElement>("/api/coach/plans/current");
        Assert.Equal(newPlanId, current.GetProperty("id").GetGuid());
        Assert.Equal(v1Id, current.GetProperty("parentId").GetGuid());
        Assert.Equal(v1.GetProperty("version").GetInt32() + 1, current.GetProperty("version").GetInt32());
        var diff = await client.GetFromJsonAsync<JsonElement>($"/api/coach/plans/diff?from={v1Id}&to={newPlanId}");
        Assert.NotEmpty(diff.GetProperty("diff").GetProperty("days").EnumerateArray());

        // Approving again through the seed path changes nothing.
        var again = await SendAsync(HttpMethod.Post, $"/api/analyses/{analysis.GetProperty("id")}/approve", null, HttpStatusCode.OK);
        Assert.Equal(newPlanId, again.GetProperty("new_plan_id").GetGuid());
        Assert.Equal(newPlanId, (await client.GetFromJsonAsync<JsonElement>("/api/coach/plans/current")).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_threshold_change_recomputes_old_rides_and_fitness_follows()
    {
        // A real power-meter ride (Garmin Edge 810 + Vector, 2013).
        var file = Path.Combine(Fixtures.Root, "fit", "fitparse__Edge810-Vector-2013-08-16-15-35-10.fit");
        async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync()
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", Path.GetFileName(file) } };
            using var response = await client.PostAsync("/api/workouts/import", form);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var (status, imported) = await ImportAsync();
        if (status == HttpStatusCode.Conflict && imported.TryGetProperty("workoutId", out var existing))
        {
            // Imported before on this stack (the web end-to-end tier imports the same file): start from a fresh copy.
            await SendAsync(HttpMethod.Delete, $"/api/workouts/{existing.GetGuid()}", null, HttpStatusCode.NoContent);
            (status, imported) = await ImportAsync();
        }

        Assert.True(status == HttpStatusCode.Created, imported.ToString());
        var workout = imported.GetProperty("items")[0].GetProperty("workout");
        var workoutId = workout.GetProperty("id").GetGuid();
        var day = DateOnly.FromDateTime(workout.GetProperty("startTime").GetDateTimeOffset().DateTime);

        // The ride's TSS once Sync has recomputed it with this FTP and Coaching's projection has the same (a stack
        // with an FTP already gives the ride a TSS at import: the first FTP reaches back to every earlier ride).
        async Task<double?> TssAsync(double ftp)
        {
            var metrics = (await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{workoutId}")).GetProperty("metrics");
            using var coachView = await client.GetAsync($"/api/coach/workouts/{workoutId}");
            return metrics.GetProperty("ftpUsedWatts") is { ValueKind: JsonValueKind.Number } used && used.GetDouble() == ftp && coachView.IsSuccessStatusCode
                && (await coachView.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trainingStressScore") is { ValueKind: JsonValueKind.Number } tss
                && Math.Abs(tss.GetDouble() - metrics.GetProperty("trainingStressScore").GetDouble()) < 0.001
                ? tss.GetDouble()
                : null;
        }

        async Task<double> LoadAsync()
        {
            var fitness = await client.GetFromJsonAsync<JsonElement>($"/api/coach/fitness?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
            return fitness.GetProperty("days")[0].GetProperty("load").GetDouble();
        }

        // FTP 300 from before the ride (NP 301 W: IF 1.0; a much lower FTP makes the ride implausible and the coach holds
        // it out of fitness until the rider answers); then FTP 400 for the same period makes the same ride easier.
        await SendAsync(HttpMethod.Put, "/api/coach/athlete", new { effectiveFrom = day.AddDays(-30), ftpWatts = 300, weightKg = 74 }, HttpStatusCode.OK);
        var before = await Eventually.WaitAsync(() => TssAsync(300), t => t is > 0, TimeSpan.FromSeconds(60));
        Assert.True(before is > 0, "the ride never got a TSS at FTP 300");
        Assert.Equal(before!.Value, await LoadAsync(), tolerance: 0.1);
        await SendAsync(HttpMethod.Put, "/api/coach/athlete", new { effectiveFrom = day.AddDays(-30), ftpWatts = 400, weightKg = 74 }, HttpStatusCode.OK);
        var after = await Eventually.WaitAsync(() => TssAsync(400), t => t is > 0, TimeSpan.FromSeconds(60));
        Assert.True(after is > 0, "the ride never got a TSS at FTP 400");

        // TSS scales with 1/FTP² for the same ride: (300/400)² of what it was; fitness follows.
        Assert.Equal(before.Value * 9 / 16, after!.Value, tolerance: 0.5);
        Assert.Equal(after.Value, await LoadAsync(), tolerance: 0.1);
    }

    [Fact]
    public async Task The_seed_sync_paths_answer_in_the_seed_shapes()
    {
        // No source is connected on this stack: the seed's sync says so instead of starting nothing.
        var refused = await SendAsync(HttpMethod.Post, "/api/workouts/sync", null, HttpStatusCode.Conflict);
        Assert.Equal("urn:cyclingcoach:problem:conflict", refused.GetProperty("type").GetString());
        using var status = await client.GetAsync("/api/workouts/sync-status");
        if (status.StatusCode != HttpStatusCode.NotFound)
        {
            // A file import is a run too; then the latest one is shown as a garmin_sync_log row.
            var row = await status.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(row.GetProperty("status").GetString(), new[] { "in_progress", "success", "error" });
            Assert.True(row.GetProperty("activities_synced").GetInt32() >= 0);
            Assert.True(row.TryGetProperty("last_sync_time", out _));
        }
    }

    [Fact]
    public async Task Killing_coaching_mid_analysis_loses_no_analysis_and_makes_none_twice()
    {
        var tag = $"analyse-{Guid.NewGuid():N}"[..16];
        var created = new List<Guid>();
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        try
        {
            for (var i = 0; i < 24; i++)
            {
                if (i == 8)
                {
                    await Stack.CoachAsync("kill", "coaching");
                }

                var workout = await Stack.CreateWorkoutAsync(client, $"{tag} #{i}", start.AddHours(i));
                created.Add(workout.GetProperty("id").GetGuid());
            }
        }
        finally
        {
            await Stack.CoachAsync("start", "coaching");
        }

        foreach (var workoutId in created)
        {
            var analyses = await Eventually.WaitAsync(
                () => client.GetFromJsonAsync<JsonElement>($"/api/coach/analyses?workoutId={workoutId}&type=workout_review"),
                page => page.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("status").GetString() == "ready"),
                TimeSpan.FromSeconds(60)); // a killed worker's lease (15 s) must run out first
            var items = analyses.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count == 1, $"workout {workoutId}: {items.Count} analyses");
            Assert.Equal("ready", items[0].GetProperty("status").GetString());
        }
    }
}
