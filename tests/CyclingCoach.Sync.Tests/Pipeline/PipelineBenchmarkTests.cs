using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Fakes.IntervalsIcu;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Testing;
using Xunit.Abstractions;

namespace CyclingCoach.Sync.Tests.Pipeline;

/// <summary>
/// Upload of N FIT files, a backfill of M activities from the fake intervals.icu and a re-sync with nothing new, on
/// a database of its own. Small by default (a regular test with exact counts); bench/scripts/sync/run.sh sets
/// <c>SYNC_BENCH_FILES=100</c>, <c>SYNC_BENCH_ACTIVITIES=1000</c>, <c>SYNC_BENCH_RIDE_SECONDS=3600</c> and
/// <c>SYNC_BENCH_OUT</c> (a JSON file for RESULTS.md).
/// </summary>
public sealed class PipelineBenchmarkTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase database = new("syncbench");
    private readonly string dataPath = Directory.CreateTempSubdirectory("sync-bench-").FullName;
    private TestVirtualHost? vhost;
    private FakeIntervalsIcu fake = null!;
    private ServiceFactory<Program> service = null!;

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;

    public async Task InitializeAsync()
    {
        vhost = await TestVirtualHost.CreateAsync("syncbench");
        fake = await FakeIntervalsIcu.StartAsync();
        service = new ServiceFactory<Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:syncdb"] = database.ConnectionString,
            ["ConnectionStrings:messaging"] = vhost.ConnectionString,
            ["Storage:DataPath"] = dataPath,
            ["IntervalsIcu:BaseUrl"] = fake.BaseUrl,
            ["IntervalsIcu:ApiKey"] = FakeIntervalsIcu.ApiKey,
            ["IntervalsIcu:AthleteId"] = FakeIntervalsIcu.AthleteId,
            ["Sync:PollSeconds"] = "0.5",
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }

    [Fact]
    public async Task Upload_N_FIT_files_then_backfill_M_activities_and_re_sync_with_nothing_new()
    {
        var files = Env("SYNC_BENCH_FILES", 10);
        var activities = Env("SYNC_BENCH_ACTIVITIES", 40);
        var seconds = Env("SYNC_BENCH_RIDE_SECONDS", 600);
        var client = service.CreateClient();

        // Uploads: one ride a day in 2018, one request per file, in sequence (as the web app does).
        var uploads = Enumerable.Range(0, files).Select(i => FitWriter.Ride(new DateTime(2018, 1, 1, 7, 0, 0, DateTimeKind.Utc).AddDays(i), seconds, basePower: 190, seed: i)).ToList();
        var uploadBytes = uploads.Sum(u => (long)u.Length);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < files; i++)
        {
            var response = await client.UploadAsync(uploads[i], $"ride{i}.fit");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var uploadElapsed = clock.Elapsed;

        // Backfill: M rides from intervals.icu, one a day from 2019-01-01 (times of day vary), gzip'd originals.
        var first = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < activities; i++)
        {
            var start = first.AddDays(i).AddHours(6 + (i % 10));
            fake.Add(new FakeIntervalsIcu.FakeActivity($"ib{i:D5}", new DateTimeOffset(start), i % 4 == 0 ? "VirtualRide" : "Ride", $"ride {i}", seconds,
                FitWriter.Ride(start, seconds, basePower: 170 + (i % 60), seed: 1000 + i)));
        }

        var window = new { source = "intervals_icu", from = SyncApi.Iso(first.AddDays(-1)), to = SyncApi.Iso(first.AddDays(activities + 1)) };
        var downloads = fake.FileRequests;
        clock.Restart();
        var (accepted, started) = await client.StartRunAsync(window);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var backfill = await client.WaitForRunAsync(started.GetProperty("id").GetGuid(), TimeSpan.FromMinutes(30));
        var backfillElapsed = clock.Elapsed;
        Assert.Equal("success", backfill.GetProperty("status").GetString());
        Assert.Equal((activities, activities, 0, 0), SyncApi.Counts(backfill));
        Assert.Equal(activities, fake.FileRequests - downloads);

        var lists = fake.ListRequests;
        downloads = fake.FileRequests;
        clock.Restart();
        var (_, again) = await client.StartRunAsync(window);
        var resync = await client.WaitForRunAsync(again.GetProperty("id").GetGuid());
        var resyncElapsed = clock.Elapsed;
        Assert.Equal((activities, 0, activities, 0), SyncApi.Counts(resync));
        Assert.Equal(1, fake.ListRequests - lists);
        Assert.Equal(0, fake.FileRequests - downloads);

        var stored = await database.ScalarAsync<long>("SELECT count(*) FROM workouts");
        Assert.Equal(files + activities, stored);
        var streamBytes = await database.ScalarAsync<long>("SELECT coalesce(sum(pg_column_size(s.*)), 0) FROM workout_streams s");

        var result = new
        {
            files,
            activities,
            rideSeconds = seconds,
            uploadBytes,
            uploadSeconds = Math.Round(uploadElapsed.TotalSeconds, 2),
            uploadPerFileMs = Math.Round(uploadElapsed.TotalMilliseconds / files, 1),
            backfillSeconds = Math.Round(backfillElapsed.TotalSeconds, 2),
            backfillRunSeconds = backfill.GetProperty("durationSeconds").GetDouble(),
            backfillPerActivityMs = Math.Round(backfillElapsed.TotalMilliseconds / activities, 1),
            resyncSeconds = Math.Round(resyncElapsed.TotalSeconds, 2),
            resyncListRequests = 1,
            streamBytesPerWorkout = stored == 0 ? 0 : streamBytes / stored,
            load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null,
        };
        var json = JsonSerializer.Serialize(result);
        output.WriteLine(json);
        if (Environment.GetEnvironmentVariable("SYNC_BENCH_OUT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, json);
        }
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await fake.DisposeAsync();
        await database.DisposeAsync();
        if (vhost is not null)
        {
            await vhost.DisposeAsync();
        }

        Directory.Delete(dataPath, recursive: true);
    }
}
