using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Fakes.IntervalsIcu;
using CyclingCoach.Sync.Tests.Support;

namespace CyclingCoach.Sync.Tests.Pipeline;

/// <summary>
/// Issue 12 part 1 for intervals.icu: activities whose original file is missing (404) are imported from
/// <c>activity/{id}/streams</c>. Each real fixture ride is listed twice, a week apart: once with its FIT, once with
/// streams only; the streams copy gets the FIT copy's metrics within 1 % (intervals.icu's streams are per record, so
/// nothing is lost but the timer events; pauses are gaps in <c>time</c>).
/// </summary>
[Collection(SyncCollection.Name)]
public sealed class IntervalsStreamsImportTests(SyncFixture fixture)
{
    private static readonly string[] Rides =
    [
        "connectstats__activity_1382772474.fit", // GPS dropouts
        "sksports__2014-07-26-18-50-56.fit", // 29 min of pauses
        "fitparse__sample-activity-indoor-trainer.fit",
    ];

    [Fact]
    public async Task Rides_without_an_original_are_imported_from_the_streams_with_the_metrics_of_their_FIT_twin()
    {
        var week = new DateTime(2018, 6, 4, 7, 0, 0, DateTimeKind.Utc);
        var twins = new List<(string Ride, string WithFile, string StreamsOnly)>();
        for (var r = 0; r < Rides.Length; r++)
        {
            var fit = File.ReadAllBytes(Path.Combine(Fixtures.Root, "fit", Rides[r]));
            var ids = new string[2];
            for (var copy = 0; copy < 2; copy++)
            {
                var target = week.AddDays((7 * copy) + r);
                var (shifted, start) = FitTimeShift.StartingAt(fit, target);
                ids[copy] = $"istreams{r}{copy}";
                fixture.IntervalsIcu.Add(new FakeIntervalsIcu.FakeActivity(
                    ids[copy], new DateTimeOffset(start).ToOffset(TimeSpan.FromHours(2)), "Ride", $"{Rides[r]} {copy}", 3600, shifted, HasOriginal: copy == 0));
            }

            twins.Add((Rides[r], ids[0], ids[1]));
        }

        var streamRequests = fixture.IntervalsIcu.StreamRequests;
        var (_, started) = await fixture.Client.StartRunAsync(new { source = "intervals_icu", from = SyncApi.Iso(week.AddDays(-1)), to = SyncApi.Iso(week.AddDays(14)) });
        var run = await fixture.Client.WaitForRunAsync(started.GetProperty("id").GetGuid());
        Assert.Equal("success", run.GetProperty("status").GetString());
        Assert.Equal((6, 6, 0, 0), SyncApi.Counts(run));
        Assert.Equal(3, fixture.IntervalsIcu.StreamRequests - streamRequests); // only where the file was missing

        foreach (var (ride, withFile, streamsOnly) in twins)
        {
            var original = await WorkoutAsync(withFile);
            var fromStreams = await WorkoutAsync(streamsOnly);
            Assert.Equal("original_file", original.GetProperty("streamSource").GetString());
            Assert.Equal("intervals_streams", fromStreams.GetProperty("streamSource").GetString());
            Assert.True(fromStreams.GetProperty("hasStreams").GetBoolean());
            Assert.Equal(JsonValueKind.Null, fromStreams.GetProperty("fileFormat").ValueKind);

            var expected = original.GetProperty("metrics");
            var actual = fromStreams.GetProperty("metrics");
            foreach (var metric in new[] { "normalizedPowerWatts", "averagePowerWatts", "maxPowerWatts", "averageHeartRateBpm", "recordedSeconds", "workKilojoules" })
            {
                if (expected.GetProperty(metric).ValueKind == JsonValueKind.Null)
                {
                    Assert.Equal(JsonValueKind.Null, actual.GetProperty(metric).ValueKind); // sksports has no HR
                    continue;
                }

                Within1Percent(expected.GetProperty(metric).GetDouble(), actual.GetProperty(metric).GetDouble(), $"{ride} {metric} (streams copy: {actual})");
            }

            foreach (var point in expected.GetProperty("meanMaxPowerWatts").EnumerateObject())
            {
                Within1Percent(point.Value.GetDouble(), actual.GetProperty("meanMaxPowerWatts").GetProperty(point.Name).GetDouble(), $"{ride} mean-max {point.Name} s");
            }
        }
    }

    private async Task<JsonElement> WorkoutAsync(string sourceActivityId)
    {
        var id = await fixture.Database.ScalarAsync<Guid>($"SELECT id FROM workouts WHERE source = 'IntervalsIcu' AND source_activity_id = '{sourceActivityId}'");
        return await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}");
    }

    private static void Within1Percent(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 0.01 * Math.Abs(expected), $"{what}: {actual:F1} vs the FIT's {expected:F1}");
}
