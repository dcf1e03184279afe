using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

public class DeviceMismatchCheckTests
{
    [Fact]
    public void A_device_np_poisoned_by_spikes_is_flagged_with_both_numbers()
    {
        // The head unit: NP 773 W written for a ride the samples put at about 190 W.
        var metrics = RideMetricsCalculator.Compute(RideStreams.FromPower(SeriesBuilder.Blocks((3600, 190))), new AthleteThresholds(250));
        var device = new DeviceSessionValues(773, 21_733, 500, 250);

        var found = DeviceMismatchCheck.Compare(device, metrics);

        Assert.Equal([DeviceMetrics.NormalizedPower, DeviceMetrics.MaxPower, DeviceMetrics.TrainingStressScore], found.Select(m => m.Metric));
        var np = found[0];
        Assert.Equal(773, np.DeviceValue);
        Assert.Equal(190, np.SampleValue, 6);
        Assert.Equal(100 * (190 - 773) / 773.0, np.DifferencePercent, 6);
        Assert.Contains("773", np.Message);
        Assert.Contains("190", np.Message);
    }

    [Fact]
    public void Values_inside_the_margins_and_tss_with_another_ftp_are_not_flagged()
    {
        var metrics = RideMetricsCalculator.Compute(RideStreams.FromPower(SeriesBuilder.Blocks((3600, 200))), new AthleteThresholds(250));
        // NP +4.9 %, max −19 %, TSS far off but with the device's FTP 300 instead of our 250.
        var device = new DeviceSessionValues(200 / 1.049, 200 / 0.81, 10, 300);

        Assert.Empty(DeviceMismatchCheck.Compare(device, metrics));
        Assert.Empty(DeviceMismatchCheck.Compare(null, metrics));
    }

    [Fact]
    public void A_device_that_saw_power_over_samples_of_only_zeros_is_flagged_and_a_device_zero_is_not()
    {
        var hr = SeriesBuilder.Blocks((3600, 150));
        var metrics = RideMetricsCalculator.Compute(RideStreams.FromPower(new double[3600], hr), new AthleteThresholds(250));
        Assert.Null(metrics.NormalizedPowerWatts);

        var found = DeviceMismatchCheck.Compare(new DeviceSessionValues(200, 650, 64, 250), metrics);
        Assert.Equal([DeviceMetrics.NormalizedPower, DeviceMetrics.MaxPower, DeviceMetrics.TrainingStressScore], found.Select(m => m.Metric));
        Assert.All(found, m => Assert.Equal(-100, m.DifferencePercent));

        // A dead meter's session (0 W everywhere) agrees with samples of zeros: nothing to say.
        Assert.Empty(DeviceMismatchCheck.Compare(new DeviceSessionValues(0, 0, 0, 250), metrics));
    }

    [Theory]
    [InlineData("fitparse__Edge810-Vector-2013-08-16-15-35-10.fit")]
    [InlineData("goldencheetah__Garmin1000_withFirstbeat.fit")]
    [InlineData("goldencheetah__SigmaRox11_1.fit")]
    [InlineData("fitparse__sample-activity-indoor-trainer.fit")]
    [InlineData("goldencheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit")]
    [InlineData("goldencheetah__TacxNeo.fit")]
    [InlineData("goldencheetah__MultiSport-2019-11-24.fit")]
    [InlineData("connectstats__activity_1382772474.fit")]
    public void Real_rides_agree_with_their_device_after_repair(string file)
    {
        using var stream = File.OpenRead(FixturePaths.Fit(file));
        var fit = FitDecoder.Read(stream);
        var session = fit.Activity.Session!;
        var repaired = SampleRepair.Repair(ActivityStreams.FromFit(fit)).Streams;
        var metrics = RideMetricsCalculator.Compute(repaired, new AthleteThresholds(session.ThresholdPowerWatts));

        var found = DeviceMismatchCheck.Compare(DeviceSessionValues.From(session), metrics);

        Assert.True(found.Count == 0, string.Join(" ", found.Select(m => m.Message)));
    }
}
