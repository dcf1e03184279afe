using CyclingCoach.Sync.Model;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Import;

/// <summary>RideMetricsCalculator + mean-max over the 1 Hz streams, against the latest thresholds (none: IF/TSS stay null).</summary>
public static class WorkoutMetricsBuilder
{
    private static readonly int[] MeanMaxDurations = [1, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 5400, 7200];

    public static WorkoutMetricsData? Compute(RideStreams streams, AthleteThresholdsRecord? thresholds, IReadOnlyList<string> warnings)
    {
        if (streams.Length == 0)
        {
            return null;
        }

        var athlete = new AthleteThresholds(
            thresholds?.FtpWatts,
            thresholds?.LactateThresholdHeartRateBpm,
            thresholds?.MaxHeartRateBpm);
        var m = RideMetricsCalculator.Compute(streams, athlete);

        var meanMax = new Dictionary<string, double>();
        if (streams.HasPower)
        {
            var curve = MeanMaxPower.Compute(streams);
            foreach (var d in MeanMaxDurations)
            {
                if (curve.PowerAt(d) is { } w && double.IsFinite(w))
                {
                    meanMax[d.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Math.Round(w, 1);
                }
            }
        }

        return new WorkoutMetricsData(
            m.ElapsedSeconds, m.RecordedSeconds, m.MovingSeconds, streams.HasPower, streams.HasHeartRate,
            Finite(m.AveragePowerWatts), Finite(m.MaxPowerWatts), Finite(m.NormalizedPowerWatts), Finite(m.IntensityFactor),
            Finite(m.TrainingStressScore), Finite(m.VariabilityIndex), Finite(m.EfficiencyFactor), Finite(m.AerobicDecouplingPercent),
            Finite(m.AverageHeartRateBpm), Finite(m.MaxHeartRateBpm), Finite(m.Trimp), Finite(m.HeartRateStressScore),
            Finite(m.AverageCadenceRpm), Finite(m.AverageMovingSpeedMps), Finite(m.WorkKilojoules),
            Finite(m.ElevationGainMeters), Finite(m.ElevationLossMeters),
            m.TimeInPowerZonesSeconds, m.TimeInHeartRateZonesSeconds, meanMax,
            m.FtpWattsUsed, m.LthrBpmUsed, thresholds?.Version, warnings);
    }

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;
}
