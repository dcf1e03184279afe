using System.Globalization;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Science;

/// <summary>Names of <see cref="DeviceMismatch.Metric"/>.</summary>
public static class DeviceMetrics
{
    public const string NormalizedPower = "normalized_power";
    public const string MaxPower = "max_power";
    public const string TrainingStressScore = "training_stress_score";
}

/// <summary>One session value the device wrote that disagrees with the same value from the samples.</summary>
public sealed record DeviceMismatch(string Metric, double DeviceValue, double SampleValue, double DifferencePercent)
{
    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"The device wrote {Metric} {DeviceValue:0.#}; the samples give {SampleValue:0.#} ({DifferencePercent:+0.#;-0.#} %).");
}

/// <summary>The session values a device may write that <see cref="DeviceMismatchCheck"/> compares.</summary>
public sealed record DeviceSessionValues(double? NormalizedPowerWatts, double? MaxPowerWatts, double? TrainingStressScore, double? ThresholdPowerWatts)
{
    public static DeviceSessionValues? From(SessionData? session) =>
        session is null || (session.NormalizedPowerWatts is null && session.MaxPowerWatts is null && session.TrainingStressScore is null)
            ? null
            : new(session.NormalizedPowerWatts, session.MaxPowerWatts, session.TrainingStressScore, session.ThresholdPowerWatts);
}

/// <summary>Margins of <see cref="DeviceMismatchCheck"/>, as fractions of the device value.</summary>
public sealed record DeviceMismatchOptions(double NormalizedPower = 0.05, double MaxPower = 0.20, double TrainingStressScore = 0.10)
{
    public static DeviceMismatchOptions Default { get; } = new();
}

/// <summary>
/// Flags a ride whose device-written session values disagree with the (repaired) samples: NP by more than 5 %
/// (our NP is within 1 % of the head unit on clean fixtures, 3.8 % on the worst, DeviceReferenceTests), max power by
/// more than 20 % (devices smooth or sample max power differently), TSS by more than 10 % — TSS only when the device's
/// FTP equals the one we used (within 1 W), since TSS scales with FTP². A difference either way is reported: a spiky
/// device NP (a head unit that summed the spikes) as much as a file whose samples lost what the device saw (a device
/// NP over samples without power — none, or all 0 W — is a −100 % mismatch). A device value of 0 is not compared.
/// </summary>
public static class DeviceMismatchCheck
{
    public static IReadOnlyList<DeviceMismatch> Compare(DeviceSessionValues? device, RideMetrics samples, DeviceMismatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (device is null)
        {
            return [];
        }

        var o = options ?? DeviceMismatchOptions.Default;
        var found = new List<DeviceMismatch>();
        Add(found, DeviceMetrics.NormalizedPower, device.NormalizedPowerWatts, samples.NormalizedPowerWatts, o.NormalizedPower);
        Add(found, DeviceMetrics.MaxPower, device.MaxPowerWatts, samples.MaxPowerWatts, o.MaxPower);
        if (device.ThresholdPowerWatts is { } deviceFtp && samples.FtpUsedWatts is { } ftp && Math.Abs(deviceFtp - ftp) <= 1)
        {
            Add(found, DeviceMetrics.TrainingStressScore, device.TrainingStressScore, samples.TrainingStressScore, o.TrainingStressScore);
        }

        return found;
    }

    private static void Add(List<DeviceMismatch> found, string metric, double? device, double? sample, double margin)
    {
        // Samples without the value (no power channel: none recorded, or only zeros) count as 0 against a device that
        // wrote one: its head unit saw power the file's records do not hold. A device value of 0 is no value.
        var s = sample ?? 0;
        if (device is not (> 0 and var d) || !double.IsFinite(s) || !double.IsFinite(d))
        {
            return;
        }

        var difference = (s - d) / d;
        if (Math.Abs(difference) > margin)
        {
            found.Add(new DeviceMismatch(metric, d, s, 100 * difference));
        }
    }
}
