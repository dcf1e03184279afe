using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Fakes.Garmin;
using Xunit.Abstractions;

namespace CyclingCoach.Sync.Tests.Garmin;

/// <summary>
/// Through the pipeline's run API: a backfill of 1,000 activities from the fake Garmin imports every one; an
/// incremental re-sync imports nothing and costs one list request. <see cref="RunBackfillAsync"/> is shared with the
/// benchmark (bench/scripts/garmin).
/// </summary>
[Collection(GarminCollection.Name)]
public sealed class GarminSyncEndToEndTests(GarminFixture fixture, ITestOutputHelper output)
{
    public const int ActivityCount = 1000;

    [Fact]
    public async Task A_sync_of_1000_activities_imports_them_all_and_a_resync_imports_nothing_with_one_list_request()
    {
        // The limiter is off here to keep the suite quick; the benchmark measures the default rate.
        var result = await RunBackfillAsync(fixture, ActivityCount, requestsPerSecond: "0", output);

        Assert.Equal("success", result.Backfill.GetProperty("status").GetString());
        Assert.Equal(ActivityCount, result.Backfill.GetProperty("found").GetInt32());
        Assert.Equal(ActivityCount, result.Backfill.GetProperty("imported").GetInt32());
        Assert.Equal(0, result.Backfill.GetProperty("failed").GetInt32());
        Assert.Equal(ActivityCount, result.StoredGarminWorkouts);
        Assert.Equal(ActivityCount, result.BackfillDownloads);

        Assert.Equal("success", result.Resync.GetProperty("status").GetString());
        Assert.Equal(0, result.Resync.GetProperty("imported").GetInt32());
        Assert.Equal(0, result.Resync.GetProperty("failed").GetInt32());
        Assert.InRange(result.Resync.GetProperty("found").GetInt32(), 1, 99); // the overlap re-lists the newest rides…
        Assert.Equal(result.Resync.GetProperty("found").GetInt32(), result.Resync.GetProperty("skipped").GetInt32()); // …and skips them
        Assert.Equal(1, result.ResyncListRequests);
        Assert.Equal(0, result.ResyncDownloads);
        Assert.Equal(ActivityCount, result.StoredGarminWorkoutsAfterResync);
    }

    public sealed record BackfillResult(
        JsonElement Backfill,
        JsonElement Resync,
        TimeSpan BackfillElapsed,
        TimeSpan ResyncElapsed,
        int BackfillListRequests,
        int BackfillDownloads,
        int BackfillApiRequests,
        int ResyncListRequests,
        int ResyncDownloads,
        int StoredGarminWorkouts,
        int StoredGarminWorkoutsAfterResync);

    public static async Task<BackfillResult> RunBackfillAsync(GarminFixture fixture, int count, string? requestsPerSecond, ITestOutputHelper output)
    {
        await using var garmin = await FakeGarmin.StartAsync(activityCount: count);
        var settings = new Dictionary<string, string?>
        {
            // Four console lines per request and one per import would dominate a 1,000-activity run.
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            ["Logging:LogLevel:CyclingCoach.Sync.Import"] = "Warning",
        };
        if (requestsPerSecond is not null)
        {
            settings["Garmin:RequestsPerSecond"] = requestsPerSecond;
        }

        // A database of its own: the store dedupes rides by start time across every source.
        var database = new CyclingCoach.Testing.TestDatabase("syncgarmine2e");
        try
        {
            settings["ConnectionStrings:syncdb"] = database.ConnectionString;
            await using var service = await fixture.StartServiceAsync(settings: settings, garmin: garmin);
            await GarminTestData.ConnectAsync(service, garmin);

            var oldest = garmin.Data.Items.Min(FakeGarminData.StartGmt);
            var from = new DateTimeOffset(oldest, TimeSpan.Zero).AddDays(-1);

            var lists = garmin.Counters.ListRequests;
            var downloads = garmin.Counters.DownloadRequests;
            var api = garmin.Counters.ApiRequests;
            var clock = Stopwatch.StartNew();
            var backfill = await RunAsync(service, new { source = "garmin", from });
            var backfillElapsed = clock.Elapsed;
            var backfillLists = garmin.Counters.ListRequests - lists;
            var backfillDownloads = garmin.Counters.DownloadRequests - downloads;
            var backfillApi = garmin.Counters.ApiRequests - api;
            var stored = await StoredAsync(database);
            output.WriteLine($"backfill of {count}: {backfillElapsed.TotalSeconds:F1} s, {backfillLists} list, {backfillDownloads} downloads, {backfillApi} API requests; run {backfill}");

            lists = garmin.Counters.ListRequests;
            downloads = garmin.Counters.DownloadRequests;
            clock.Restart();
            var resync = await RunAsync(service, new { source = "garmin" }); // incremental
            var resyncElapsed = clock.Elapsed;
            var result = new BackfillResult(
                backfill, resync, backfillElapsed, resyncElapsed, backfillLists, backfillDownloads, backfillApi,
                garmin.Counters.ListRequests - lists, garmin.Counters.DownloadRequests - downloads, stored, await StoredAsync(database));
            output.WriteLine($"re-sync: {resyncElapsed.TotalSeconds:F2} s, {result.ResyncListRequests} list, {result.ResyncDownloads} downloads; run {resync}");
            return result;
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task<JsonElement> RunAsync(GarminService service, object request)
    {
        var start = await service.Client.PostAsJsonAsync("/api/sync/runs", request);
        var body = await start.Content.ReadAsStringAsync();
        Assert.True(start.StatusCode == HttpStatusCode.Accepted, body);
        var location = start.Headers.Location!.OriginalString;
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            var run = await service.Client.GetFromJsonAsync<JsonElement>(location);
            if (run.GetProperty("status").GetString() != "in_progress")
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The run did not finish: {run}");
            await Task.Delay(200);
        }
    }

    private static async Task<int> StoredAsync(CyclingCoach.Testing.TestDatabase database) =>
        (int)await database.ScalarAsync<long>("SELECT count(*) FROM workouts WHERE source = 'Garmin'");
}
