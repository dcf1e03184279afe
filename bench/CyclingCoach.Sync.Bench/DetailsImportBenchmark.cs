using System.Diagnostics;
using System.Text.Json;
using CyclingCoach.Sync.Garmin.Models;
using CyclingCoach.Sync.Import;
using CyclingCoach.Sync.IntervalsIcu;
using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Fakes.IntervalsIcu;
using CyclingCoach.Sync.Tests.Streams;
using CyclingCoach.Sync.Tests.Support;
using Xunit.Abstractions;

namespace CyclingCoach.Sync.Bench;

/// <summary>
/// bench/scripts/details/run.sh (not a test: its project is outside tests/ and ./coach test). The import work
/// in process for one 3 h ride (10,800 1 Hz records, power, HR, cadence, speed, altitude): from its FIT file (decode,
/// resample, metrics) against from Garmin's details (JSON parse, positional columns, resample, the same metrics) at
/// full resolution and at Garmin's default chart size (2,000 rows, every 6 s), and from intervals.icu's streams.
/// </summary>
public sealed class DetailsImportBenchmark(ITestOutputHelper output)
{
    private const int Seconds = 3 * 3600;

    [Fact]
    public void Details_import_of_a_3_hour_ride_against_its_FIT_import()
    {
        var fit = FitWriter.Ride(new DateTime(2026, 6, 1, 7, 0, 0, DateTimeKind.Utc), Seconds, basePower: 210, seed: 7);
        var full = System.Text.Encoding.UTF8.GetBytes(FakeGarminDetails.Details(fit, 1, Seconds + 1));
        var chart = System.Text.Encoding.UTF8.GetBytes(FakeGarminDetails.Details(fit, 1, 2000));
        var intervals = System.Text.Encoding.UTF8.GetBytes(FakeIntervalsIcuStreams.Streams(fit, IntervalsIcuStreams.Types));
        var start = DateTimeOffset.UnixEpoch;
        var thresholds = DetailsStreamsAccuracyTests.Thresholds;

        var cases = new (string Name, int Bytes, Func<double?> Import)[]
        {
            ("FIT file", fit.Length, () => WorkoutMetricsBuilder.Compute(ActivityParser.Parse(fit, "ride.fit", 64 << 20).Streams, thresholds, 1, [])!.NormalizedPowerWatts),
            ("Garmin details, 10,800 rows", full.Length, () => FromDetails(full)),
            ("Garmin details, 2,000 rows (6 s)", chart.Length, () => FromDetails(chart)),
            ("intervals.icu streams", intervals.Length, () =>
            {
                using var body = JsonDocument.Parse(intervals);
                return WorkoutMetricsBuilder.Compute(IntervalsIcuStreams.ToRideStreams(body.RootElement, start), thresholds, 1, [])!.NormalizedPowerWatts;
            }),
        };

        // Interleaved rounds (each case once per round), so a burst of load from the shared machine hits every case alike.
        var times = cases.Select(_ => new List<double>()).ToArray();
        var np = new double?[cases.Length];
        for (var round = 0; round < 23; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                var clock = Stopwatch.StartNew();
                np[c] = cases[c].Import();
                if (round >= 3)
                {
                    times[c].Add(clock.Elapsed.TotalMilliseconds); // the first 3 rounds warm up
                }
            }
        }

        for (var c = 0; c < cases.Length; c++)
        {
            times[c].Sort();
            Assert.NotNull(np[c]);
            output.WriteLine($"details bench: {cases[c].Name}: {cases[c].Bytes / 1024.0:F0} KiB, min {times[c][0]:F1} ms, median {times[c][times[c].Count / 2]:F1} ms, NP {np[c]:F1} W");
        }

        double? FromDetails(byte[] json)
        {
            using var body = JsonDocument.Parse(json);
            var streams = GarminDetailsStreams.ToRideStreams(GarminActivityDetails.From(body.RootElement), start);
            return WorkoutMetricsBuilder.Compute(streams, thresholds, 1, [])!.NormalizedPowerWatts;
        }
    }
}
