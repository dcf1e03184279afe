using System.Globalization;
using CyclingCoach.Sync.Model;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Import;

/// <summary>
/// RideMetricsCalculator + mean-max over the 1 Hz streams, against the thresholds of the ride's period (none: IF, TSS,
/// zones and HRSS stay null). <see cref="Reapply"/> recomputes only what depends on the thresholds. The stored streams
/// are the original samples; metrics are computed from <see cref="SampleRepair"/>'s copy unless the rider turned
/// repair off for the ride, and the device's session values are checked against them (<see cref="DeviceMismatchCheck"/>).
/// </summary>
public static class WorkoutMetricsBuilder
{
    public static WorkoutMetricsData? Compute(
        RideStreams original, AthleteThresholdPeriod? thresholds, int thresholdsVersion, IReadOnlyList<string> warnings,
        DeviceSessionValues? device = null, bool repairEnabled = true)
    {
        if (original.Length == 0)
        {
            return null;
        }

        var repair = SampleRepair.Repair(original);
        var streams = repairEnabled ? repair.Streams : original;
        var metrics = new WorkoutMetricsData(RideMetricsCalculator.Compute(streams, Athlete(thresholds)), streams.HasPower, streams.HasHeartRate, MeanMax(streams), warnings)
        {
            SampleRepairs = repair.Repairs,
            SampleRepairEnabled = repairEnabled,
            DeviceSession = device,
        };
        return WithThresholded(metrics, metrics, thresholds, thresholdsVersion); // adds the thresholds used and the device check
    }

    /// <summary>Everything recomputed from the stored (original) streams, with repair on or off; the reader warnings and device values are kept.</summary>
    public static WorkoutMetricsData? Recompute(WorkoutMetricsData stored, RideStreams original, AthleteThresholdPeriod? thresholds, int thresholdsVersion, bool repairEnabled) =>
        Compute(original, thresholds, thresholdsVersion, stored.Warnings, stored.DeviceSession, repairEnabled);

    /// <summary>
    /// <paramref name="stored"/> with IF, TSS, zones, TRIMP, HRSS and the thresholds used recomputed for
    /// <paramref name="thresholds"/>; <paramref name="streams"/> needs power, heart rate and the recorded mask only.
    /// Everything else (NP, mean-max, elevation…) does not depend on thresholds and is kept. The streams are the stored
    /// originals: repaired here first when the ride's repair is on, so TSS follows the same samples as NP.
    /// </summary>
    public static WorkoutMetricsData Reapply(WorkoutMetricsData stored, RideStreams streams, AthleteThresholdPeriod? thresholds, int thresholdsVersion) =>
        WithThresholded(stored, RideMetricsCalculator.Compute(stored.SampleRepairEnabled ? SampleRepair.Repair(streams).Streams : streams, Athlete(thresholds)), thresholds, thresholdsVersion);

    /// <summary>True when <paramref name="metrics"/> were computed with the same FTP, LTHR, max and resting HR as <paramref name="thresholds"/> give.</summary>
    public static bool UsesSameThresholds(WorkoutMetricsData metrics, AthleteThresholdPeriod? thresholds)
    {
        var athlete = Athlete(thresholds);
        return metrics.FtpUsedWatts == (athlete.FtpWatts is > 0 ? athlete.FtpWatts : null)
            && metrics.LthrUsedBpm == athlete.EffectiveLthrBpm
            && metrics.MaxHeartRateUsedBpm == athlete.MaxHeartRateBpm
            && metrics.RestingHeartRateUsedBpm == athlete.RestingHeartRateBpm;
    }

    private static WorkoutMetricsData WithThresholded(WorkoutMetricsData d, RideMetrics m, AthleteThresholdPeriod? thresholds, int thresholdsVersion) => d with
    {
        IntensityFactor = m.IntensityFactor,
        TrainingStressScore = m.TrainingStressScore,
        Trimp = m.Trimp,
        HeartRateStressScore = m.HeartRateStressScore,
        TimeInPowerZonesSeconds = m.TimeInPowerZonesSeconds,
        TimeInHeartRateZonesSeconds = m.TimeInHeartRateZonesSeconds,
        FtpUsedWatts = m.FtpUsedWatts,
        LthrUsedBpm = m.LthrUsedBpm,
        MaxHeartRateUsedBpm = thresholds?.MaxHeartRateBpm,
        RestingHeartRateUsedBpm = thresholds?.RestingHeartRateBpm,
        ThresholdsVersion = thresholdsVersion > 0 ? thresholdsVersion : null,
        DeviceMismatches = DeviceMismatchCheck.Compare(d.DeviceSession, m),
    };

    /// <summary>The library's standard durations the ride reaches, and the whole ride.</summary>
    private static Dictionary<string, double> MeanMax(RideStreams streams)
    {
        var meanMax = new Dictionary<string, double>();
        if (!streams.HasPower)
        {
            return meanMax;
        }

        // Only the stored durations: the whole curve (every second) cost more than the rest of the import's CPU together.
        foreach (var (seconds, watts) in MeanMaxPower.Sample(streams.Power, MeanMaxCurve.StandardDurations.Append(streams.Power.Length)))
        {
            if (double.IsFinite(watts))
            {
                meanMax[seconds.ToString(CultureInfo.InvariantCulture)] = Math.Round(watts, 1);
            }
        }

        return meanMax;
    }

    private static AthleteThresholds Athlete(AthleteThresholdPeriod? thresholds) => thresholds?.ToAthleteThresholds() ?? new AthleteThresholds(null);
}
