using System.Globalization;
using CyclingCoach.Sync.Model;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Import;

/// <summary>
/// RideMetricsCalculator + mean-max over the 1 Hz streams, against the thresholds of the ride's period (none: IF, TSS,
/// zones and HRSS stay null). <see cref="Reapply"/> recomputes only what depends on the thresholds.
/// </summary>
public static class WorkoutMetricsBuilder
{
    public static WorkoutMetricsData? Compute(RideStreams streams, AthleteThresholdPeriod? thresholds, int thresholdsVersion, IReadOnlyList<string> warnings)
    {
        if (streams.Length == 0)
        {
            return null;
        }

        var m = RideMetricsCalculator.Compute(streams, Athlete(thresholds));
        var baseline = new WorkoutMetricsData(
            m.ElapsedSeconds, m.RecordedSeconds, m.MovingSeconds, streams.HasPower, streams.HasHeartRate,
            Finite(m.AveragePowerWatts), Finite(m.MaxPowerWatts), Finite(m.NormalizedPowerWatts), null,
            null, Finite(m.VariabilityIndex), Finite(m.EfficiencyFactor), Finite(m.AerobicDecouplingPercent),
            Finite(m.AverageHeartRateBpm), Finite(m.MaxHeartRateBpm), null, null,
            Finite(m.AverageCadenceRpm), Finite(m.AverageMovingSpeedMps), Finite(m.WorkKilojoules),
            Finite(m.ElevationGainMeters), Finite(m.ElevationLossMeters),
            [], [], MeanMax(streams), null, null, null, warnings);
        return WithThresholded(baseline, m, thresholds, thresholdsVersion);
    }

    /// <summary>
    /// <paramref name="stored"/> with IF, TSS, zones, TRIMP, HRSS and the thresholds used recomputed for
    /// <paramref name="thresholds"/>; <paramref name="streams"/> needs power, heart rate and the recorded mask only.
    /// Everything else (NP, mean-max, elevation…) does not depend on thresholds and is kept.
    /// </summary>
    public static WorkoutMetricsData Reapply(WorkoutMetricsData stored, RideStreams streams, AthleteThresholdPeriod? thresholds, int thresholdsVersion) =>
        WithThresholded(stored, RideMetricsCalculator.Compute(streams, Athlete(thresholds)), thresholds, thresholdsVersion);

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
        IntensityFactor = Finite(m.IntensityFactor),
        TrainingStressScore = Finite(m.TrainingStressScore),
        Trimp = Finite(m.Trimp),
        HeartRateStressScore = Finite(m.HeartRateStressScore),
        TimeInPowerZonesSeconds = m.TimeInPowerZonesSeconds,
        TimeInHeartRateZonesSeconds = m.TimeInHeartRateZonesSeconds,
        FtpUsedWatts = m.FtpWattsUsed,
        LthrUsedBpm = m.LthrBpmUsed,
        MaxHeartRateUsedBpm = thresholds?.MaxHeartRateBpm,
        RestingHeartRateUsedBpm = thresholds?.RestingHeartRateBpm,
        ThresholdsVersion = thresholdsVersion > 0 ? thresholdsVersion : null,
    };

    /// <summary>The library's standard durations the ride reaches, and the whole ride.</summary>
    private static Dictionary<string, double> MeanMax(RideStreams streams)
    {
        var meanMax = new Dictionary<string, double>();
        if (!streams.HasPower)
        {
            return meanMax;
        }

        var curve = MeanMaxPower.Compute(streams);
        foreach (var (seconds, watts) in curve.Sample(MeanMaxCurve.StandardDurations.Append(curve.MaxDurationSeconds)))
        {
            if (double.IsFinite(watts))
            {
                meanMax[seconds.ToString(CultureInfo.InvariantCulture)] = Math.Round(watts, 1);
            }
        }

        return meanMax;
    }

    private static AthleteThresholds Athlete(AthleteThresholdPeriod? thresholds) => thresholds?.ToAthleteThresholds() ?? new AthleteThresholds(null);

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;
}
