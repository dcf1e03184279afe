using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Tests.Pipeline;

/// <summary>
/// Spikes never reach the metrics (issue 12 part 2), on real PostgreSQL and RabbitMQ: a real FIT ride with a few power
/// samples overwritten by 21,733 W (the head unit), CRC recomputed. Expected values come from the Training
/// library run by the test on the clean and the spiky file.
/// </summary>
public sealed class SampleRepairTests
{
    private const string Ride = "fitparse__sample-activity-indoor-trainer.fit"; // 38 min, power + HR, session NP
    private const ushort Spike = 21_733;
    private static readonly int[] SpikeRecords = [300, 900, 901, 1500];

    [Fact]
    public async Task A_spiky_ride_imports_with_the_clean_np_lists_the_repairs_and_turning_repair_off_brings_the_spikes_back()
    {
        var clean = await File.ReadAllBytesAsync(IsolatedSync.FixturePath(Ride));
        var spiky = PlantPowerSpikes(clean, SpikeRecords, Spike);
        var cleanNp = Np(clean, repair: false);
        var spikyNp = Np(spiky, repair: false);
        Assert.True(spikyNp > 1.1 * cleanNp, $"planted spikes must matter: {spikyNp:F1} vs {cleanNp:F1}");

        await using var sync = await IsolatedSync.StartAsync("syncrepair");
        var upload = await sync.Client.UploadAsync(spiky, "spiky.fit");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("workoutId").GetGuid();

        var metrics = (await sync.GetWorkoutAsync(id)).GetProperty("metrics");
        var np = metrics.GetProperty("normalizedPowerWatts").GetDouble();
        Assert.True(Math.Abs(np - cleanNp) <= 0.005 * cleanNp, $"NP {np:F1} vs clean {cleanNp:F1}");
        Assert.Equal(Np(spiky, repair: true), np, 6);
        Assert.True(metrics.GetProperty("maxPowerWatts").GetDouble() < 2500);
        Assert.True(metrics.GetProperty("sampleRepairEnabled").GetBoolean());
        var repairs = metrics.GetProperty("sampleRepairs").EnumerateArray().Where(r => r.GetProperty("channel").GetString() == SampleChannels.Power).ToList();
        Assert.Equal(3, repairs.Count); // 900 and 901 are one run
        Assert.All(repairs, r => Assert.Equal(Spike, r.GetProperty("originalMax").GetDouble()));
        Assert.All(repairs, r => Assert.Equal(SampleRepairReasons.AboveCeiling, r.GetProperty("reason").GetString()));
        Assert.Equal([1, 2, 1], repairs.Select(r => r.GetProperty("sampleCount").GetInt32()));
        Assert.Empty(metrics.GetProperty("deviceMismatches").EnumerateArray()); // the device's NP was written before the spikes

        // The original samples are kept.
        var streams = await sync.Client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}/streams");
        Assert.Equal(Spike, streams.GetProperty("power").EnumerateArray().Max(p => p.ValueKind == JsonValueKind.Number ? p.GetDouble() : 0));
        await sync.SettleAsync();
        Assert.Empty(sync.RecalculatedFor(id));

        // An FTP arrives: the threshold recompute reads the stored (spiky) power and repairs it too.
        await sync.DeliverAsync(new AthleteProfileChanged(1, 250, 70, null, null, null, DateTimeOffset.UtcNow, null, null, null), Guid.NewGuid());
        await sync.SettleAsync();
        var tss = Assert.Single(sync.RecalculatedFor(id)).Metrics.TrainingStressScore!.Value;
        var expectedTss = Metrics(spiky, repair: true, ftp: 250).TrainingStressScore!.Value;
        Assert.True(Math.Abs(tss - expectedTss) <= 0.001 * expectedTss, $"TSS {tss:F2} vs {expectedTss:F2} from the repaired samples");

        var off = await sync.Client.PutAsJsonAsync($"/api/workouts/{id}/repair", new { enabled = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        metrics = (await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metrics");
        Assert.False(metrics.GetProperty("sampleRepairEnabled").GetBoolean());
        Assert.Equal(spikyNp, metrics.GetProperty("normalizedPowerWatts").GetDouble(), 1);
        Assert.Equal(Spike, metrics.GetProperty("maxPowerWatts").GetDouble());
        Assert.Equal(3, metrics.GetProperty("sampleRepairs").EnumerateArray().Count(r => r.GetProperty("channel").GetString() == SampleChannels.Power));
        var mismatch = metrics.GetProperty("deviceMismatches").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == DeviceMetrics.NormalizedPower);
        Assert.Equal(spikyNp, mismatch.GetProperty("sampleValue").GetDouble(), 1);
        Assert.Contains(DeviceMetrics.MaxPower, metrics.GetProperty("deviceMismatches").EnumerateArray().Select(m => m.GetProperty("metric").GetString()));

        await sync.SettleAsync();
        var recalculated = sync.RecalculatedFor(id)[^1];
        Assert.Equal(2, sync.RecalculatedFor(id).Count);
        Assert.True(recalculated.Metrics.TrainingStressScore > 1.1 * tss);
        Assert.Equal(spikyNp, recalculated.Metrics.NormalizedPowerWatts!.Value, 1);
        Assert.Equal(Spike, recalculated.Metrics.MeanMax!.First(p => p.DurationSeconds == 1).Watts);

        // Setting what is set changes nothing; unknown ride 404; bad bodies 400.
        Assert.Equal(HttpStatusCode.OK, (await sync.Client.PutAsJsonAsync($"/api/workouts/{id}/repair", new { enabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sync.Client.PutAsJsonAsync($"/api/workouts/{Guid.NewGuid()}/repair", new { enabled = false })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sync.Client.PutAsJsonAsync($"/api/workouts/{id}/repair", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sync.Client.PutAsync($"/api/workouts/{id}/repair", new StringContent("{\"enabled\":", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sync.Client.PutAsJsonAsync($"/api/workouts/{id}/repair", new { enabled = "maybe" })).StatusCode);

        // And back on: the clean NP again, one more event.
        var on = await sync.Client.PutAsJsonAsync($"/api/workouts/{id}/repair", new { enabled = true });
        Assert.Equal(cleanNp, (await on.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("metrics").GetProperty("normalizedPowerWatts").GetDouble(), 0.005 * cleanNp);
        await sync.SettleAsync();
        Assert.Equal(3, sync.RecalculatedFor(id).Count);
        Assert.Equal(tss, sync.RecalculatedFor(id)[^1].Metrics.TrainingStressScore!.Value, 6);
    }

    /// <summary>The file with the power field (record 20, field 7, uint16) of the given records set to <paramref name="watts"/>.</summary>
    private static byte[] PlantPowerSpikes(byte[] fit, IReadOnlyCollection<int> records, ushort watts)
    {
        var copy = (byte[])fit.Clone();
        var record = -1;
        var end = FitFields.Visit(copy, (global, field, _, bigEndian, value) =>
        {
            if (global != 20)
            {
                return;
            }

            if (field == 253)
            {
                record++; // every record here starts with its timestamp
            }

            if (field == 7 && value.Length == 2 && records.Contains(record))
            {
                if (bigEndian)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(value, watts);
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(value, watts);
                }
            }
        });
        return FitFields.WithCrc(copy, end);
    }

    private static double Np(byte[] fit, bool repair) => Metrics(fit, repair).NormalizedPowerWatts!.Value;

    private static RideMetrics Metrics(byte[] fit, bool repair, double? ftp = null)
    {
        var streams = ActivityStreams.FromFit(FitDecoder.Decode(fit));
        return RideMetricsCalculator.Compute(repair ? SampleRepair.Repair(streams).Streams : streams, new AthleteThresholds(ftp));
    }
}
