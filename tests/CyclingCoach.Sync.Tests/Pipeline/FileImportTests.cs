using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Testing;

namespace CyclingCoach.Sync.Tests.Pipeline;

[Collection(SyncCollection.Name)]
public sealed class FileImportTests(SyncFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    /// <summary>
    /// Fixture FITs the pipeline refuses, with the code it must give. None today: the damaged ones (truncated, bad CRC,
    /// corrupt header copies of the FIT SDK Activity.fit) keep their valid prefix with a warning (Readers/README.md),
    /// so every fixture must import with metrics. A reader change that starts refusing one fails here until listed.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ExpectedRejections = new Dictionary<string, string>
    {
    };

    public static TheoryData<string> FitFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Fixtures.FitFiles)
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FitFixtures))]
    public async Task Every_fixture_FIT_imports_with_metrics_or_is_rejected_with_its_documented_reason(string name)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Fixtures.Root, "fit", name));
        var response = await client.UploadAsync(bytes, name);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        if (ExpectedRejections.TryGetValue(name, out var code))
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {body}"); // as HostileUploadTests
            Assert.Equal(code, body.GetProperty("code").GetString());
            return;
        }

        // Each case deletes what it stored, so every fixture meets a database without its ride and the one right answer
        // is 201 with the workout created (the FIT SDK copies are one ride: left behind, the next copy would merge or
        // conflict depending on the order the cases run in).
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{name}: {(int)response.StatusCode} {body}");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, item => Assert.Equal("created", item.GetProperty("outcome").GetString()));
        try
        {
            var workout = await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{items[0].GetProperty("workoutId").GetGuid()}");
            Assert.True(workout.GetProperty("durationSeconds").GetDouble() > 0, $"{name}: {workout}");
            if (workout.GetProperty("hasStreams").GetBoolean())
            {
                var metrics = workout.GetProperty("metrics");
                Assert.Equal(JsonValueKind.Object, metrics.ValueKind);
                Assert.True(metrics.GetProperty("elapsedSeconds").GetDouble() > 0, $"{name}: {metrics}");
                if (metrics.GetProperty("hasPower").GetBoolean() && metrics.GetProperty("averagePowerWatts").GetDouble() > 0)
                {
                    Assert.True(metrics.GetProperty("normalizedPowerWatts").GetDouble() > 0, $"{name}: {metrics}");
                }
            }
        }
        finally
        {
            foreach (var item in items)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/workouts/{item.GetProperty("workoutId").GetGuid()}")).StatusCode);
            }
        }
    }

    [Fact]
    public async Task An_upload_is_stored_with_summary_metrics_streams_and_file_and_a_second_upload_is_a_409()
    {
        var start = new DateTime(2020, 1, 6, 7, 3, 0, DateTimeKind.Utc);
        var fit = FitWriter.Ride(start, 1800, basePower: 210, seed: 11);

        var response = await client.UploadAsync(fit, "../../etc/passwd.fit");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var item = body.GetProperty("items")[0];
        Assert.Equal("created", item.GetProperty("outcome").GetString());
        var id = item.GetProperty("workoutId").GetGuid();
        Assert.Equal($"/api/workouts/{id}", response.Headers.Location?.OriginalString);

        var workout = await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}");
        Assert.Equal("file", workout.GetProperty("source").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(fit)), workout.GetProperty("sourceActivityId").GetString());
        Assert.Equal(1800, workout.GetProperty("durationSeconds").GetDouble());
        Assert.Equal("cycling", workout.GetProperty("sport").GetString());
        var metrics = workout.GetProperty("metrics");
        var np = metrics.GetProperty("normalizedPowerWatts").GetDouble();
        Assert.InRange(np, 200, 240);
        Assert.True(metrics.GetProperty("hasHeartRate").GetBoolean());
        Assert.True(metrics.GetProperty("meanMaxPowerWatts").GetProperty("60").GetDouble() >= np);

        var streams = await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}/streams");
        Assert.Equal(1800, streams.GetProperty("length").GetInt32());
        Assert.Equal(1800, streams.GetProperty("power").GetArrayLength());
        var small = await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}/streams?maxPoints=100");
        Assert.True(small.GetProperty("power").GetArrayLength() <= 100);
        Assert.Equal(18, small.GetProperty("resolutionSeconds").GetInt32());
        Assert.Equal(JsonValueKind.Null, small.GetProperty("latitude").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/workouts/{id}/streams?maxPoints=1")).StatusCode);

        var file = await client.GetAsync($"/api/workouts/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(fit, await file.Content.ReadAsByteArrayAsync());

        // The file is content-addressed; the upload's name never reached the file system.
        var stored = Directory.EnumerateFiles(Path.Combine(fixture.DataPath, "files"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.Contains($"{Convert.ToHexStringLower(SHA256.HashData(fit))}.fit", stored);
        Assert.DoesNotContain(stored, n => n!.Contains("passwd", StringComparison.Ordinal));

        var again = await client.UploadAsync(fit, "again.fit");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, problem.GetProperty("workoutId").GetGuid());
        Assert.Equal("urn:cyclingcoach:problem:conflict", problem.GetProperty("type").GetString());
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM workouts WHERE file_sha256 = '{Convert.ToHexStringLower(SHA256.HashData(fit))}'"));

        // The WorkoutImported event carries the summary and the metrics.
        var events = await Eventually.WaitAsync(
            () => fixture.Database.ScalarAsync<string>($"SELECT coalesce(max(payload::text), '') FROM outbox_messages WHERE payload->>'workoutId' = '{id}' AND message_type LIKE 'CyclingCoach.Contracts.WorkoutImported%'"),
            p => p.Length > 0,
            TimeSpan.FromSeconds(5));
        var imported = JsonDocument.Parse(events).RootElement;
        Assert.Equal(np, imported.GetProperty("metrics").GetProperty("normalizedPowerWatts").GetDouble(), 6);
    }

    [Fact]
    public async Task A_zip_of_rides_imports_each_and_deleting_one_publishes_WorkoutDeleted_and_removes_streams_and_file()
    {
        var a = FitWriter.Ride(new DateTime(2020, 1, 8, 6, 0, 0, DateTimeKind.Utc), 600, seed: 21);
        var b = FitWriter.Ride(new DateTime(2020, 1, 9, 6, 0, 0, DateTimeKind.Utc), 600, seed: 22);
        var zip = Archives.Zip(("a.fit", a), ("nested/b.FIT", b));

        var response = await client.UploadAsync(zip, "rides.zip", "application/zip");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), i => Assert.Equal("created", i.GetProperty("outcome").GetString()));

        var id = items[0].GetProperty("workoutId").GetGuid();
        var sha = Convert.ToHexStringLower(SHA256.HashData(a));
        var path = Path.Combine(fixture.DataPath, "files", sha[..2], $"{sha}.fit");
        Assert.True(File.Exists(path));

        var deleted = await client.DeleteAsync($"/api/workouts/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/workouts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/workouts/{id}/streams")).StatusCode);
        Assert.False(File.Exists(path));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM workout_streams WHERE workout_id = '{id}'"));
        var published = await Eventually.WaitAsync(
            () => fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE published_at IS NOT NULL AND message_type LIKE 'CyclingCoach.Contracts.WorkoutDeleted%' AND payload->>'workoutId' = '{id}'"),
            n => n == 1,
            TimeSpan.FromSeconds(15));
        Assert.Equal(1, published);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/workouts/{id}")).StatusCode);
    }
}
