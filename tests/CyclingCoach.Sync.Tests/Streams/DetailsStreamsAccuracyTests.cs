using System.Text.Json;
using CyclingCoach.Sync.Garmin.Models;
using CyclingCoach.Sync.Import;
using CyclingCoach.Sync.Model;
using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Sync.Tests.Support;

namespace CyclingCoach.Sync.Tests.Streams;

/// <summary>
/// A ride imported from Garmin's details (no original) against the same ride imported from its FIT file, both through
/// <see cref="WorkoutMetricsBuilder"/> (sample repair included). The details are built from the real FIT the way
/// Garmin serves them (<see cref="FakeGarminDetails"/>), at full resolution and at Garmin's 3 s chart spacing (the real
/// Edge 820 body: 712 rows for 2,085 records). Pure: no servers.
/// </summary>
public sealed class DetailsStreamsAccuracyTests
{
    public static readonly AthleteThresholdPeriod Thresholds = new() { FtpWatts = 250, LactateThresholdHeartRateBpm = 165, MaxHeartRateBpm = 190, RestingHeartRateBpm = 50 };

    /// <summary>Every fixture ride with power (10 min … 2 h, indoor and outdoor, with and without pauses).</summary>
    public static TheoryData<string> PowerRides =>
    [
        "fitparse__sample-activity-indoor-trainer.fit",
        "goldencheetah__TacxNeo.fit",
        "connectstats__activity_1382772474.fit",
        "goldencheetah__Garmin830_with_Stages.fit",
        "fitparse__Edge810-Vector-2013-08-16-15-35-10.fit",
        "sksports__2014-07-26-18-50-56.fit",
        "goldencheetah__Garmin1000_withFirstbeat.fit",
        "goldencheetah__SigmaRox11_1.fit",
        "goldencheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit",
    ];

    [Theory]
    [MemberData(nameof(PowerRides))]
    public void Details_at_full_resolution_give_every_metric_within_1_percent_of_the_FIT_import(string ride)
    {
        var (fit, fromFile) = FromFit(ride);
        var fromDetails = FromDetails(fit, step: 1);

        Assert.Equal(fromFile.ElapsedSeconds, fromDetails.ElapsedSeconds);
        Within(1, fromFile.NormalizedPowerWatts, fromDetails.NormalizedPowerWatts, "NP");
        Within(1, fromFile.AveragePowerWatts, fromDetails.AveragePowerWatts, "average power");
        Within(1, fromFile.TrainingStressScore, fromDetails.TrainingStressScore, "TSS");
        Assert.Equal(fromFile.MeanMaxPowerWatts.Keys.Order(), fromDetails.MeanMaxPowerWatts.Keys.Order());
        foreach (var (seconds, watts) in fromFile.MeanMaxPowerWatts)
        {
            Within(1, watts, fromDetails.MeanMaxPowerWatts[seconds], $"mean-max {seconds} s");
        }

        Assert.InRange(ZoneDifferencePercent(fromFile.TimeInPowerZonesSeconds, fromDetails.TimeInPowerZonesSeconds), 0, 1);
        Assert.InRange(ZoneDifferencePercent(fromFile.TimeInHeartRateZonesSeconds, fromDetails.TimeInHeartRateZonesSeconds), 0, 1);
    }

    /// <summary>
    /// At Garmin's 3 s spacing two of every three seconds are interpolated, so what 1 % can hold and what it cannot:
    /// <list type="bullet">
    /// <item>NP and average power stay within 1 % on rides of 30 min or more: both are means (NP of a 30 s rolling
    /// mean, ≥ 10 samples a window), and point samples are unbiased, so only sampling noise is left, shrinking with
    /// the ride's length (the 10 min TacxNeo ride: 1.2 %, bounded at 1.5 %).</item>
    /// <item>TSS ∝ NP² · time, so its error is about twice NP's: 2 % (3 % for the 10 min ride).</item>
    /// <item>Mean-max ≥ 60 s averages ≥ 20 samples: within 3 %. Shorter bests are not reachable at all: a 1–20 s
    /// peak falls between samples and is flattened (measured up to −15 % at 5 s). What holds is that no load is
    /// invented: the 1 s best never exceeds the file's, since every interpolated second lies between two real samples.</item>
    /// <item>Time in zones: a line through each 3 s moves seconds across zone edges both ways; measured ≤ 5.8 % of
    /// the ride (sum of |difference| over zones), bounded at 8 %; heart rate changes slowly, ≤ 3.3 %, bounded at 4 %.</item>
    /// </list>
    /// </summary>
    [Theory]
    [MemberData(nameof(PowerRides))]
    public void Details_at_Garmins_3_s_spacing_keep_NP_average_and_TSS_and_invent_no_peak(string ride)
    {
        var (fit, fromFile) = FromFit(ride);
        var fromDetails = FromDetails(fit, step: 3);
        var shortRide = fromFile.ElapsedSeconds < 1800;

        Within(shortRide ? 1.5 : 1, fromFile.NormalizedPowerWatts, fromDetails.NormalizedPowerWatts, "NP");
        Within(shortRide ? 1.5 : 1, fromFile.AveragePowerWatts, fromDetails.AveragePowerWatts, "average power");
        Within(shortRide ? 3 : 2, fromFile.TrainingStressScore, fromDetails.TrainingStressScore, "TSS");
        foreach (var (seconds, watts) in fromFile.MeanMaxPowerWatts.Where(p => int.Parse(p.Key) >= 60))
        {
            Within(3, watts, fromDetails.MeanMaxPowerWatts[seconds], $"mean-max {seconds} s");
        }

        Assert.True(fromDetails.MeanMaxPowerWatts["1"] <= fromFile.MeanMaxPowerWatts["1"], "a 1 s best above the file's would be invented load");
        Assert.InRange(ZoneDifferencePercent(fromFile.TimeInPowerZonesSeconds, fromDetails.TimeInPowerZonesSeconds), 0, 8);
        Assert.InRange(ZoneDifferencePercent(fromFile.TimeInHeartRateZonesSeconds, fromDetails.TimeInHeartRateZonesSeconds), 0, 4);
    }

    /// <summary>
    /// The one real pair in the fixtures: Garmin's own details body of the ConnectStats Edge 820 ride (712 rows, mostly
    /// 3 s apart) against that ride's FIT. The same bounds as the 3 s theory hold on Garmin's real sampling.
    /// </summary>
    [Fact]
    public void Garmins_real_details_body_of_a_ride_keeps_the_metrics_of_its_FIT()
    {
        var (_, fromFile) = FromFit("connectstats__activity_1382772474.fit");
        using var body = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Root, "garmin-json", "connectstats__activitytrack_1382772474.json")));
        var details = GarminActivityDetails.From(body.RootElement);
        Assert.Equal(712, details.MetricsCount);
        var fromDetails = WorkoutMetricsBuilder.Compute(GarminDetailsStreams.ToRideStreams(details, DateTimeOffset.UnixEpoch), Thresholds, 1, [])!;

        Within(1, fromFile.NormalizedPowerWatts, fromDetails.NormalizedPowerWatts, "NP");
        Within(1, fromFile.AveragePowerWatts, fromDetails.AveragePowerWatts, "average power");
        Within(2, fromFile.TrainingStressScore, fromDetails.TrainingStressScore, "TSS");
        Within(1, fromFile.RecordedSeconds, fromDetails.RecordedSeconds, "recorded time");
        // The whole-ride key may differ by a second (Garmin's last row vs the session's end): standard durations only.
        foreach (var (seconds, watts) in fromFile.MeanMaxPowerWatts.Where(p => int.Parse(p.Key) >= 60 && fromDetails.MeanMaxPowerWatts.ContainsKey(p.Key)))
        {
            Within(3, watts, fromDetails.MeanMaxPowerWatts[seconds], $"mean-max {seconds} s");
        }

        Assert.True(fromDetails.MeanMaxPowerWatts.Count >= fromFile.MeanMaxPowerWatts.Count - 1);
        Assert.True(fromDetails.MeanMaxPowerWatts["1"] <= fromFile.MeanMaxPowerWatts["1"]);
        Assert.InRange(ZoneDifferencePercent(fromFile.TimeInPowerZonesSeconds, fromDetails.TimeInPowerZonesSeconds), 0, 8);
    }

    [Fact]
    public void A_pause_in_the_details_stays_a_gap_with_no_load()
    {
        // The sksports ride has 29 min of timer pauses (6,701 s elapsed, 4,975 s recorded).
        var (fit, fromFile) = FromFit("sksports__2014-07-26-18-50-56.fit");
        var streams = Streams(fit, step: 3);

        Assert.Equal(fromFile.ElapsedSeconds, streams.Length);
        var paused = Enumerable.Range(0, streams.Length).Where(i => !streams.Recorded[i]).ToList();
        Assert.InRange(paused.Count, 0.99 * (fromFile.ElapsedSeconds - fromFile.RecordedSeconds), 1.01 * (fromFile.ElapsedSeconds - fromFile.RecordedSeconds));
        Assert.All(paused, i => Assert.Equal(0, streams.Power[i]));
        Assert.All(paused, i => Assert.True(double.IsNaN(streams.HeartRate[i])));
    }

    public static (byte[] Fit, WorkoutMetricsData Metrics) FromFit(string ride)
    {
        var fit = File.ReadAllBytes(Path.Combine(Fixtures.Root, "fit", ride));
        var parsed = ActivityParser.Parse(fit, ride, 64 << 20);
        return (fit, WorkoutMetricsBuilder.Compute(parsed.Streams, Thresholds, 1, [])!);
    }

    public static WorkoutMetricsData FromDetails(byte[] fit, int step) => WorkoutMetricsBuilder.Compute(Streams(fit, step), Thresholds, 1, [])!;

    public static CyclingCoach.Training.Science.RideStreams Streams(byte[] fit, int step)
    {
        var records = FakeGarminDetails.RecordCount(fit);
        using var body = JsonDocument.Parse(FakeGarminDetails.Details(fit, 1, (int)Math.Ceiling(records / (double)step)));
        var details = GarminActivityDetails.From(body.RootElement);
        Assert.InRange(details.MetricsCount!.Value, records / step, (records / step) + 2); // every step-th record and the last
        return GarminDetailsStreams.ToRideStreams(details, DateTimeOffset.UnixEpoch);
    }

    private static void Within(double percent, double? expected, double? actual, string what)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        var difference = Math.Abs(actual.Value - expected.Value) / expected.Value * 100;
        Assert.True(difference <= percent, $"{what}: {actual:F1} vs the FIT's {expected:F1} ({difference:F2} % > {percent} %)");
    }

    /// <summary>Σ |seconds in zone difference| as a percentage of the FIT's time in zones.</summary>
    private static double ZoneDifferencePercent(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        return expected.Sum() == 0 ? 0 : expected.Zip(actual, (a, b) => Math.Abs(a - b)).Sum() / expected.Sum() * 100;
    }
}
