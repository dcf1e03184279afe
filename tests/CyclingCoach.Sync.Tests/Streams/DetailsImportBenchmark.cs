using System.Diagnostics;
using System.Text.Json;
using CyclingCoach.Sync.Garmin.Models;
using CyclingCoach.Sync.Import;
using CyclingCoach.Sync.IntervalsIcu;
using CyclingCoach.Sync.Tests.Fakes.Garmin;
using CyclingCoach.Sync.Tests.Fakes.IntervalsIcu;
using CyclingCoach.Sync.Tests.Support;
using Xunit.Abstractions;

namespace CyclingCoach.Sync.Tests.Streams;

/// <summary>
/// bench/scripts/details/run.sh: measured only when <c>DETAILS_BENCH=1</c> (otherwise a no-op pass). The import work
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
        if (Environment.GetEnvironmentVariable("DETAILS_BENCH") != "1")
        {
            return;
        }

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

        foreach (var (name, bytes, import) in cases)
        {
            for (var i = 0; i < 3; i++)
            {
                import();
            }

            var times = new List<double>();
            double? np = null;
            for (var i = 0; i < 15; i++)
            {
                var clock = Stopwatch.StartNew();
                np = import();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Assert.NotNull(np);
            output.WriteLine($"details bench: {name}: {bytes / 1024.0:F0} KiB, min {times[0]:F1} ms, median {times[times.Count / 2]:F1} ms, NP {np:F1} W");
        }

        double? FromDetails(byte[] json)
        {
            using var body = JsonDocument.Parse(json);
            var streams = GarminDetailsStreams.ToRideStreams(GarminActivityDetails.From(body.RootElement), start);
            return WorkoutMetricsBuilder.Compute(streams, thresholds, 1, [])!.NormalizedPowerWatts;
        }
    }
}
