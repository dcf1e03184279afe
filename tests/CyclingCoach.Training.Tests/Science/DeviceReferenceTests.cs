using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

/// <summary>
/// Our NP / IF / TSS against the values the head unit wrote in the FIT session message (fixtures/MANIFEST.md), with
/// the device's own FTP (session.threshold_power), the FIT timer pauses and only the records inside the chosen session.
/// <para>Exceptions (checked with the wider band in <see cref="Known_deviations_stay_within_their_band"/>):</para>
/// <list type="bullet">
/// <item>TSS on most devices: the implied time base TSS/(100·IF²) differs from the timer time by −63 s … +100 s
/// (e.g. indoor-trainer 2199 s vs 2262 s, TacxNeo 600 s vs 625 s) in ways no single convention reproduces; we use
/// T = recorded (timer) time. TSS is within 1 % on Edge810, Garmin1000 and SigmaRox, within 5 % elsewhere.</item>
/// <item>sksports (Edge, 2014): the device excludes zeros from power averages (its average 164 W equals our non-zero
/// average); checked with IncludeZeroPower = false.</item>
/// <item>connectstats (Edge 820): the records carry 214 kJ but the session says 225 kJ (average 108 W over the same
/// 2084 s): the device averages power it did not write to the records, so NP is 3.8 % low.</item>
/// <item>tormoder unterminated-strings: a 33 s test file; NP within 2.1 % (shorter than two NP windows, integer NP).</item>
/// </list>
/// </summary>
public class DeviceReferenceTests
{
    [Theory]
    [InlineData("fitparse__Edge810-Vector-2013-08-16-15-35-10.fit", true, true)]
    [InlineData("goldencheetah__Garmin1000_withFirstbeat.fit", true, true)]
    [InlineData("goldencheetah__SigmaRox11_1.fit", true, true)]
    [InlineData("fitparse__sample-activity-indoor-trainer.fit", true, false)]
    [InlineData("goldencheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit", true, false)]
    [InlineData("goldencheetah__TacxNeo.fit", true, false)]
    [InlineData("goldencheetah__MultiSport-2019-11-24.fit", true, false)]
    [InlineData("fitparse__elemnt-bolt-no-application-id-inside-developer-data-id.fit", true, false)]
    [InlineData("sksports__2014-07-26-18-50-56.fit", false, false)]
    public void Np_and_if_within_1_percent_of_the_device(string file, bool includeZeros, bool tssWithin1Percent)
    {
        var (metrics, session) = Compute(file, includeZeros);
        AssertWithin(session.NormalizedPowerWatts!.Value, metrics.NormalizedPowerWatts!.Value, 0.01, "NP");
        AssertWithin(session.IntensityFactor!.Value, metrics.IntensityFactor!.Value, 0.01, "IF");
        if (tssWithin1Percent)
        {
            AssertWithin(session.TrainingStressScore!.Value, metrics.TrainingStressScore!.Value, 0.01, "TSS");
        }
    }

    [Theory]
    [InlineData("fitparse__sample-activity-indoor-trainer.fit", true, 0.01, 0.05)]
    [InlineData("goldencheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit", true, 0.01, 0.05)]
    [InlineData("goldencheetah__TacxNeo.fit", true, 0.01, 0.05)]
    [InlineData("goldencheetah__MultiSport-2019-11-24.fit", true, 0.01, 0.05)]
    [InlineData("connectstats__activity_1382772474.fit", true, 0.05, 0.07)]
    [InlineData("tormoder__unterminated-strings.fit", true, 0.025, 1.0)]
    public void Known_deviations_stay_within_their_band(string file, bool includeZeros, double npTolerance, double tssTolerance)
    {
        var (metrics, session) = Compute(file, includeZeros);
        AssertWithin(session.NormalizedPowerWatts!.Value, metrics.NormalizedPowerWatts!.Value, npTolerance, "NP");
        AssertWithin(session.TrainingStressScore!.Value, metrics.TrainingStressScore!.Value, tssTolerance, "TSS");
    }

    private static (RideMetrics Metrics, SessionData Session) Compute(string file, bool includeZeros)
    {
        using var stream = File.OpenRead(FixturePaths.Fit(file));
        var fit = FitDecoder.Read(stream);
        var session = fit.Activity.Session!;
        var streams = ActivityStreams.FromFit(fit);
        var metrics = RideMetricsCalculator.Compute(streams, new AthleteThresholds(session.ThresholdPowerWatts),
            new RideMetricsOptions(IncludeZeroPower: includeZeros));
        return (metrics, session);
    }

    private static void AssertWithin(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected),
            $"{what}: ours {actual:F3}, device {expected:F3} (tolerance {relative:P1})");
}
