using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Fakes.IntervalsIcu;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Testing;
using Microsoft.AspNetCore.Hosting;

namespace CyclingCoach.Sync.Tests.Pipeline;

[Collection(SyncCollection.Name)]
public sealed class SyncRunTests(SyncFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    /// <summary>Rides on consecutive days from <paramref name="firstDay"/>: with a FIT file unless a Strava stub; runs mixed in.</summary>
    private List<FakeIntervalsIcu.FakeActivity> Seed(string prefix, DateTime firstDay, int rides, int runs = 0, int stubs = 0, int seconds = 900)
    {
        var added = new List<FakeIntervalsIcu.FakeActivity>();
        var offset = TimeSpan.FromHours(1);
        for (var i = 0; i < rides + runs + stubs; i++)
        {
            var startUtc = firstDay.AddDays(i).AddHours(6).AddMinutes(i % 50);
            var kind = i < rides ? "ride" : i < rides + runs ? "run" : "stub";
            var activity = new FakeIntervalsIcu.FakeActivity(
                $"i{prefix}{i:D4}",
                new DateTimeOffset(startUtc).ToOffset(offset),
                kind == "run" ? "Run" : i % 3 == 0 ? "VirtualRide" : "Ride",
                $"{prefix} {kind} {i}",
                seconds,
                kind == "ride" ? FitWriter.Ride(startUtc, seconds, basePower: 180 + i, seed: i) : null,
                kind == "ride" ? 180 + i : null);
            fixture.IntervalsIcu.Add(activity);
            added.Add(activity);
        }

        return added;
    }

    [Fact]
    public async Task A_sync_imports_every_cycling_activity_once_and_a_re_sync_imports_nothing()
    {
        var first = new DateTime(2021, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var seeded = Seed("sync", first, rides: 24, runs: 3, stubs: 2);
        var window = new { source = "intervals_icu", from = SyncApi.Iso(first), to = SyncApi.Iso(first.AddDays(40)) };

        var (response, started) = await client.StartRunAsync(window);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = started.GetProperty("id").GetGuid();
        Assert.Equal($"/api/sync/runs/{runId}", response.Headers.Location?.OriginalString);
        Assert.Equal("in_progress", started.GetProperty("status").GetString());

        var run = await client.WaitForRunAsync(runId);
        Assert.Equal("success", run.GetProperty("status").GetString());
        Assert.Equal((26, 26, 0, 0), SyncApi.Counts(run));
        Assert.True(run.GetProperty("durationSeconds").GetDouble() >= 0);

        var from = SyncApi.Iso(first);
        var stored = await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM workouts WHERE source = 'IntervalsIcu' AND source_activity_id LIKE 'isync%'");
        Assert.Equal(26, stored);
        Assert.Equal(24, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM workouts w JOIN workout_streams s ON s.workout_id = w.id WHERE w.source_activity_id LIKE 'isync%'"));
        Assert.Equal(24, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE source_activity_id LIKE 'isync%' AND (metrics->>'normalizedPowerWatts')::float8 > 0 AND raw_source_json->>'id' = source_activity_id"));

        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/workouts?source=intervals_icu&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(SyncApi.Iso(first.AddDays(40)))}&pageSize=200");
        Assert.Equal(26, listed.GetProperty("total").GetInt32());
        Assert.Equal("+01:00", listed.GetProperty("items")[0].GetProperty("startTime").GetString()![^6..]);
        var virtualRides = await client.GetFromJsonAsync<JsonElement>($"/api/workouts?type=VirtualRide&from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(SyncApi.Iso(first.AddDays(40)))}");
        Assert.Equal(seeded.Count(a => a.Type == "VirtualRide"), virtualRides.GetProperty("total").GetInt32());

        // Events of the run, in the outbox with the counts.
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.SyncRunStarted%' AND payload->>'runId' = '{runId}'"));
        Assert.Equal(26, await fixture.Database.ScalarAsync<long>($"SELECT (payload->>'imported')::int FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.SyncRunCompleted%' AND payload->>'runId' = '{runId}'"));
        Assert.True(await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.AthleteSettingsImported%' AND (payload->>'ftpWatts')::float8 = 250 AND (payload->>'lactateThresholdHeartRateBpm')::int = 165") >= 1);

        var latest = await client.GetFromJsonAsync<JsonElement>("/api/sync/runs/latest?source=intervals_icu");
        Assert.Equal(runId, latest.GetProperty("id").GetGuid());

        var downloads = fixture.IntervalsIcu.FileRequests;
        var (again, second) = await client.StartRunAsync(window);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var rerun = await client.WaitForRunAsync(second.GetProperty("id").GetGuid());
        Assert.Equal("success", rerun.GetProperty("status").GetString());
        Assert.Equal((26, 0, 26, 0), SyncApi.Counts(rerun));
        Assert.Equal(downloads, fixture.IntervalsIcu.FileRequests);
        Assert.Equal(26, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE source_activity_id LIKE 'isync%'"));
    }

    [Fact]
    public async Task A_second_run_for_the_same_source_is_409_while_one_is_in_progress()
    {
        var first = new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        Seed("conc", first, rides: 2);
        var window = new { source = "intervals_icu", from = SyncApi.Iso(first), to = SyncApi.Iso(first.AddDays(5)) };
        fixture.IntervalsIcu.ListDelay = TimeSpan.FromSeconds(3);
        try
        {
            var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.StartRunAsync(window)));
            var accepted = attempts.Where(a => a.Response.StatusCode == HttpStatusCode.Accepted).ToList();
            var conflicts = attempts.Where(a => a.Response.StatusCode == HttpStatusCode.Conflict).ToList();
            Assert.Single(accepted);
            Assert.Equal(4, conflicts.Count);
            var runId = accepted[0].Body.GetProperty("id").GetGuid();
            Assert.All(conflicts, c => Assert.Equal(runId, c.Body.GetProperty("runId").GetGuid()));

            var run = await client.WaitForRunAsync(runId);
            Assert.Equal((2, 2, 0, 0), SyncApi.Counts(run));
        }
        finally
        {
            fixture.IntervalsIcu.ListDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out()
    {
        var first = new DateTime(2021, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        Seed("rate", first, rides: 2);
        var lists = fixture.IntervalsIcu.ListRequests;
        fixture.IntervalsIcu.RateLimitNext(1);

        var (_, started) = await client.StartRunAsync(new { source = "intervals_icu", from = SyncApi.Iso(first), to = SyncApi.Iso(first.AddDays(3)) });
        var run = await client.WaitForRunAsync(started.GetProperty("id").GetGuid());

        Assert.Equal("success", run.GetProperty("status").GetString());
        Assert.Equal((2, 2, 0, 0), SyncApi.Counts(run));
        Assert.True(fixture.IntervalsIcu.ListRequests >= lists + 1);
    }

    [Fact]
    public async Task A_rejected_key_fails_the_run_with_the_reason_and_the_stored_key_is_encrypted()
    {
        var put = await client.PutAsJsonAsync("/api/sync/intervals", new { athleteId = FakeIntervalsIcu.AthleteId, apiKey = "wrong-key-123" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        try
        {
            var stored = await fixture.Database.ScalarAsync<string>("SELECT api_key FROM intervals_icu_connections");
            Assert.DoesNotContain("wrong-key-123", stored, StringComparison.Ordinal);
            var state = await client.GetFromJsonAsync<JsonElement>("/api/sync/intervals");
            Assert.Equal("stored", state.GetProperty("from").GetString());
            Assert.DoesNotContain("wrong-key", state.ToString(), StringComparison.Ordinal);

            var (_, started) = await client.StartRunAsync(new { source = "intervals_icu", daysBack = 3 });
            var run = await client.WaitForRunAsync(started.GetProperty("id").GetGuid());
            Assert.Equal("error", run.GetProperty("status").GetString());
            Assert.Contains("401", run.GetProperty("error").GetString());
            Assert.Equal(1, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.SyncRunFailed%' AND payload->>'runId' = '{started.GetProperty("id").GetGuid()}'"));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/sync/intervals")).StatusCode);
        }

        Assert.Equal("configuration", (await client.GetFromJsonAsync<JsonElement>("/api/sync/intervals")).GetProperty("from").GetString());
    }

    [Theory]
    [InlineData("""{"source":"strava"}""", "source")]
    [InlineData("""{"source":"file"}""", "source")]
    [InlineData("""{"source":"intervals_icu","daysBack":0}""", "daysBack")]
    [InlineData("""{"source":"intervals_icu","daysBack":3,"from":"2024-01-01T00:00:00Z"}""", "daysBack")]
    [InlineData("""{"source":"intervals_icu","from":"2024-02-01T00:00:00Z","to":"2024-01-01T00:00:00Z"}""", "from")]
    public async Task A_bad_run_request_is_400_naming_the_field(string body, string field)
    {
        var response = await client.PostAsync("/api/sync/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_run_whose_attempts_keep_dying_is_failed_not_retried_forever()
    {
        var runId = Guid.CreateVersion7();
        await using (var connection = new Npgsql.NpgsqlConnection(fixture.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new Npgsql.NpgsqlCommand(
                $"""
                INSERT INTO sync_runs (id, source, status, trigger, window_from_utc, window_to_utc, found, imported, skipped, failed, attempts, created_at, started_at)
                VALUES ('{runId}', 'Garmin', 'InProgress', 'manual', now() - interval '2 days', now(), 0, 0, 0, 0, 5, now(), now())
                """, connection);
            await insert.ExecuteNonQueryAsync();
        }

        var run = await client.WaitForRunAsync(runId);
        Assert.Equal("error", run.GetProperty("status").GetString());
        Assert.StartsWith("Gave up after 5 attempts", run.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_schedule_starts_runs_for_connected_sources_only()
    {
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM sync_runs WHERE trigger = 'scheduled'");
        // Checks every second: the first check may meet another test's run still in progress and skip.
        await using (var scheduled = fixture.Factory.WithWebHostBuilder(b => b
            .UseSetting("Sync:ScheduleHours", "0.0001")
            .UseSetting("Sync:ScheduleCheckSeconds", "1")))
        {
            scheduled.CreateClient();
            var runs = await Eventually.WaitAsync(
                () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM sync_runs WHERE trigger = 'scheduled' AND source = 'IntervalsIcu'"),
                n => n > 0,
                TimeSpan.FromSeconds(30));
            Assert.True(runs > 0);
            await Eventually.WaitAsync(
                () => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM sync_runs WHERE status = 'InProgress'"),
                n => n == 0,
                TimeSpan.FromSeconds(60));
        }

        // Garmin is not connected in this fixture: no scheduled Garmin run.
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM sync_runs WHERE trigger = 'scheduled' AND source = 'Garmin'"));
        Assert.True(await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM sync_runs WHERE trigger = 'scheduled'") > before);
    }

    [Fact]
    public async Task Unknown_run_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sync/runs/{Guid.NewGuid()}")).StatusCode);
    }
}
