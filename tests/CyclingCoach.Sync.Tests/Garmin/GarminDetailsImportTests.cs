using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Testing;

namespace CyclingCoach.Sync.Tests.Garmin;

/// <summary>
/// Issue 12 part 1 through the run API: the fake Garmin has no original for the newest 4 of 8 rides (download-service
/// 204 or 404); the 4 older ones are the same 4 FIT files with their originals. Every ride gets streams and metrics;
/// a details ride matches its FIT twin within 1 % (Garmin serves the whole chart at the default maxChartSize).
/// </summary>
[Collection(GarminCollection.Name)]
public sealed class GarminDetailsImportTests(GarminFixture fixture)
{
    [Fact]
    public async Task Rides_without_an_original_get_streams_laps_and_the_metrics_of_their_FIT_twin_from_the_details()
    {
        await using var garmin = await FakeGarmin.StartAsync(activityCount: 8, spacing: TimeSpan.FromDays(1), withoutOriginal: 4);
        var database = new TestDatabase("syncdetails"); // the store dedupes by start time across sources
        try
        {
            await using var service = await fixture.StartServiceAsync(
                settings: new Dictionary<string, string?> { ["ConnectionStrings:syncdb"] = database.ConnectionString }, garmin: garmin);
            await GarminTestData.ConnectAsync(service, garmin);
            var from = new DateTimeOffset(garmin.Data.Items.Min(FakeGarminData.StartGmt), TimeSpan.Zero).AddDays(-1);

            var start = await service.Client.PostAsJsonAsync("/api/sync/runs", new { source = "garmin", from });
            var location = start.Headers.Location!.OriginalString;
            var run = await Eventually.WaitAsync(() => service.Client.GetFromJsonAsync<JsonElement>(location),
                r => r.GetProperty("status").GetString() != "in_progress", TimeSpan.FromMinutes(2));
            Assert.Equal("success", run.GetProperty("status").GetString());
            Assert.Equal(8, run.GetProperty("imported").GetInt32());
            Assert.Equal(4, garmin.Counters.DetailsRequests); // only where the original was missing

            var list = await service.Client.GetFromJsonAsync<JsonElement>("/api/workouts?pageSize=50");
            var workouts = new Dictionary<long, JsonElement>();
            foreach (var item in list.GetProperty("items").EnumerateArray())
            {
                var id = long.Parse(item.GetProperty("sourceActivityId").GetString()!);
                workouts[id] = await service.Client.GetFromJsonAsync<JsonElement>($"/api/workouts/{item.GetProperty("id").GetGuid()}");
            }

            Assert.Equal(8, workouts.Count);
            foreach (var item in garmin.Data.Items)
            {
                var id = item["activityId"]!.GetValue<long>();
                var workout = workouts[id];
                Assert.True(workout.GetProperty("hasStreams").GetBoolean());
                Assert.Equal(garmin.Data.HasOriginal(id) ? "original_file" : "garmin_details", workout.GetProperty("streamSource").GetString());
                Assert.Equal(garmin.Data.HasOriginal(id), workout.GetProperty("fileFormat").ValueKind == JsonValueKind.String);
            }

            // Each details ride against the ride of the same FIT that came with its original.
            var byFile = garmin.Data.Items.Select(i => i["activityId"]!.GetValue<long>()).GroupBy(garmin.Data.FitFileFor);
            var lapsSeen = 0;
            foreach (var twins in byFile)
            {
                var detailsRide = workouts[twins.Single(id => !garmin.Data.HasOriginal(id))];
                var originalRide = workouts[twins.Single(garmin.Data.HasOriginal)];

                // Laps from the splits are the FIT's laps (Garmin830_with_Stages has none: null on both).
                var fileLaps = Laps(originalRide);
                var splitLaps = Laps(detailsRide);
                Assert.Equal(fileLaps.Count, splitLaps.Count);
                foreach (var (file, split) in fileLaps.Zip(splitLaps))
                {
                    Assert.Equal(file.GetProperty("timerSeconds").GetDouble(), split.GetProperty("timerSeconds").GetDouble(), 1);
                    Assert.Equal(file.GetProperty("startSecond").GetDouble(), split.GetProperty("startSecond").GetDouble(), 0);
                }

                lapsSeen += splitLaps.Count;
                var details = detailsRide.GetProperty("metrics");
                var original = originalRide.GetProperty("metrics");
                foreach (var metric in new[] { "normalizedPowerWatts", "averagePowerWatts", "maxPowerWatts", "recordedSeconds", "workKilojoules" })
                {
                    Within1Percent(original.GetProperty(metric).GetDouble(), details.GetProperty(metric).GetDouble(), $"{twins.Key} {metric}");
                }

                var meanMax = original.GetProperty("meanMaxPowerWatts");
                Assert.NotEmpty(meanMax.EnumerateObject());
                foreach (var point in meanMax.EnumerateObject())
                {
                    Within1Percent(point.Value.GetDouble(), details.GetProperty("meanMaxPowerWatts").GetProperty(point.Name).GetDouble(), $"{twins.Key} mean-max {point.Name} s");
                }
            }

            Assert.True(lapsSeen >= 3, $"the fixtures' laps came through the splits ({lapsSeen})");
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static List<JsonElement> Laps(JsonElement workout) =>
        workout.GetProperty("laps") is { ValueKind: JsonValueKind.Array } laps ? [.. laps.EnumerateArray()] : [];

    private static void Within1Percent(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 0.01 * Math.Abs(expected), $"{what}: {actual:F1} vs the FIT's {expected:F1}");
}
