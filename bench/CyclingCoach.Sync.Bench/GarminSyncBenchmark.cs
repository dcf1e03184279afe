using System.Diagnostics;
using CyclingCoach.Sync.Garmin;
using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Sync.Tests.Garmin;
using Xunit.Abstractions;

namespace CyclingCoach.Sync.Bench;

/// <summary>
/// bench/scripts/garmin/run.sh (not a test: its project is outside tests/ and ./coach test). At the default
/// <c>Garmin:RequestsPerSecond</c>: the Garmin client alone (list + 1,000 original downloads), then the whole backfill
/// through the run API (downloads, FIT parsing, metrics, store), then an incremental re-sync.
/// </summary>
[Collection(GarminCollection.Name)]
public sealed class GarminSyncBenchmark(GarminFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Backfill_of_1000_activities_at_the_default_rate_limit()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("GARMIN_BENCH_COUNT"), out var n) ? n : GarminSyncEndToEndTests.ActivityCount;
        await using (var garmin = await FakeGarmin.StartAsync(activityCount: count))
        await using (var service = await fixture.StartServiceAsync(garmin: garmin))
        {
            await GarminTestData.ConnectAsync(service, garmin);
            var source = service.Get<GarminActivitySource>();
            var oldest = new DateTimeOffset(garmin.Data.Items.Min(FakeGarminData.StartGmt), TimeSpan.Zero).AddDays(-1);
            var clock = Stopwatch.StartNew();
            var listed = new List<Sources.SourceActivity>();
            await foreach (var activity in source.ListActivitiesAsync(oldest, DateTimeOffset.UtcNow, CancellationToken.None))
            {
                listed.Add(activity);
            }

            var listElapsed = clock.Elapsed;
            long bytes = 0;
            foreach (var activity in listed)
            {
                bytes += (await source.DownloadOriginalAsync(activity, CancellationToken.None))!.Content.Length;
            }

            output.WriteLine($"client only: listed {listed.Count} in {listElapsed.TotalSeconds:F2} s ({garmin.Counters.ListRequests} list requests); " +
                             $"list + {listed.Count} downloads ({bytes / 1048576.0:F1} MiB) in {clock.Elapsed.TotalSeconds:F1} s");
        }

        var result = await GarminSyncEndToEndTests.RunBackfillAsync(fixture, count, requestsPerSecond: null, output);
        output.WriteLine($"full backfill: {result.BackfillElapsed.TotalSeconds:F1} s for {result.Backfill.GetProperty("imported").GetInt32()} imported " +
                         $"({result.BackfillApiRequests} Garmin API requests); re-sync {result.ResyncElapsed.TotalSeconds:F2} s, {result.ResyncListRequests} list request(s), " +
                         $"{result.Resync.GetProperty("imported").GetInt32()} imported");
    }
}
