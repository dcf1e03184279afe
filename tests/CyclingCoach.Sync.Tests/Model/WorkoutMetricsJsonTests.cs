using System.Text.Json;
using System.Text.Json.Nodes;
using CyclingCoach.Sync.Model;
using CyclingCoach.Sync.Tests.Support;

namespace CyclingCoach.Sync.Tests.Model;

/// <summary>
/// A workout's metrics are Training's RideMetrics plus what Sync adds (<see cref="WorkoutMetricsData"/> derives from
/// it), and still one flat JSON object with the keys they had when both were declared apart: rows stored before read
/// back whole, and the API serves the same object.
/// </summary>
public sealed class WorkoutMetricsJsonTests
{
    /// <summary>A row's metrics as Sync stored and served them before RideMetrics was their base (captured from the
    /// indoor-trainer fixture with FTP 250, LTHR 165, max HR 190, resting HR 50), in the API's order of then.</summary>
    private const string StoredBefore = """
        {
            "elapsedSeconds": 2262,
            "recordedSeconds": 2262,
            "movingSeconds": 2199,
            "hasPower": true,
            "hasHeartRate": true,
            "averagePowerWatts": 197.90937223695843,
            "maxPowerWatts": 331,
            "normalizedPowerWatts": 227.35706187051616,
            "intensityFactor": 0.9094282474820646,
            "trainingStressScore": 51.96692016149981,
            "variabilityIndex": 1.1487938105240403,
            "efficiencyFactor": 1.538696695562087,
            "aerobicDecouplingPercent": 9.368568162654945,
            "averageHeartRateBpm": 147.75950486295315,
            "maxHeartRateBpm": 176,
            "trimp": 71.25209945319476,
            "heartRateStressScore": 46.66080170168333,
            "averageCadenceRpm": 81.76534788540246,
            "averageMovingSpeedMps": null,
            "workKilojoules": 447.671,
            "elevationGainMeters": 3.1999999999999886,
            "elevationLossMeters": 0,
            "timeInPowerZonesSeconds": [
                514,
                482,
                84,
                640,
                504,
                38,
                0
            ],
            "timeInHeartRateZonesSeconds": [
                150,
                608,
                389,
                1018,
                97
            ],
            "meanMaxPowerWatts": {
                "1": 331,
                "2": 317,
                "3": 309.7,
                "5": 297.2,
                "10": 287.1,
                "15": 282.7,
                "20": 281.4,
                "30": 277.5,
                "45": 276.8,
                "60": 274.3,
                "90": 271.3,
                "120": 269.8,
                "180": 268.2,
                "240": 265.4,
                "300": 265.3,
                "360": 262.8,
                "480": 263.8,
                "600": 263.6,
                "720": 244.3,
                "900": 228.1,
                "1200": 229.5,
                "1500": 234.7,
                "1800": 221.8,
                "2262": 197.9
            },
            "ftpUsedWatts": 250,
            "lthrUsedBpm": 165,
            "thresholdsVersion": 1,
            "warnings": [],
            "maxHeartRateUsedBpm": 190,
            "restingHeartRateUsedBpm": 50,
            "sampleRepairs": [],
            "sampleRepairEnabled": true,
            "deviceSession": {
                "normalizedPowerWatts": 228,
                "maxPowerWatts": 331,
                "trainingStressScore": 50.8,
                "thresholdPowerWatts": 250
            },
            "deviceMismatches": []
        }
        """;

    [Fact]
    public void Metrics_in_the_stored_format_read_back_and_write_out_unchanged()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web); // as SyncDbContext's converter
        var metrics = JsonSerializer.Deserialize<WorkoutMetricsData>(StoredBefore, options)!;

        Assert.Equal(227.35706187051616, metrics.NormalizedPowerWatts);
        Assert.Equal(250, metrics.FtpUsedWatts);
        Assert.Equal(190, metrics.MaxHeartRateUsedBpm);
        Assert.Equal(297.2, metrics.MeanMaxPowerWatts["5"]);
        Assert.Equal(228, metrics.DeviceSession!.NormalizedPowerWatts);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(StoredBefore), JsonSerializer.SerializeToNode(metrics, options)),
            JsonSerializer.Serialize(metrics, options));
    }

    [Fact]
    public void A_row_missing_the_fields_added_later_reads_with_their_defaults()
    {
        var old = JsonNode.Parse(StoredBefore)!.AsObject();
        foreach (var added in new[] { "maxHeartRateUsedBpm", "restingHeartRateUsedBpm", "sampleRepairs", "sampleRepairEnabled", "deviceSession", "deviceMismatches" })
        {
            Assert.True(old.Remove(added), added);
        }

        var metrics = JsonSerializer.Deserialize<WorkoutMetricsData>(old.ToJsonString(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

        Assert.True(metrics.SampleRepairEnabled);
        Assert.Null(metrics.SampleRepairs);
        Assert.Null(metrics.DeviceSession);
        Assert.Equal(2262, metrics.ElapsedSeconds);
    }

    [Fact]
    public async Task A_stored_row_of_the_old_format_is_served_as_it_was_and_a_new_import_stores_the_same_keys()
    {
        await using var sync = await IsolatedSync.StartAsync("syncmetricsjson");
        var id = await sync.UploadFixtureAsync("fitparse__sample-activity-indoor-trainer.fit");

        var stored = JsonNode.Parse(await sync.Database.ScalarAsync<string>($"SELECT metrics::text FROM workouts WHERE id = '{id}'"))!.AsObject();
        Assert.Equal(Keys(JsonNode.Parse(StoredBefore)!.AsObject()), Keys(stored));

        await sync.ExecuteAsync($"UPDATE workouts SET metrics = '{StoredBefore.Replace("'", "''")}'::jsonb WHERE id = '{id}'");
        var served = (await sync.GetWorkoutAsync(id)).GetProperty("metrics").GetRawText();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(StoredBefore), JsonNode.Parse(served)), served);
    }

    private static string[] Keys(JsonObject o) => [.. o.Select(p => p.Key).Order(StringComparer.Ordinal)];
}
