using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;

namespace CyclingCoach.Sync.Import;

/// <summary>The one way stored metrics change after import (threshold recompute, sample repair toggle).</summary>
public static class MetricsRecalculation
{
    /// <summary>
    /// Sets <paramref name="metrics"/> on the tracked <paramref name="workout"/>, its training load (with
    /// <paramref name="thresholds"/>, the ride's period, for a ride without power samples) and checked version; when
    /// the metrics or the load changed, stamps it and adds one <see cref="WorkoutMetricsRecalculated"/> to the outbox,
    /// to commit in the caller's transaction. Returns whether it did.
    /// </summary>
    public static bool ApplyRecalculatedMetrics(
        this SyncDbContext db, Workout workout, WorkoutMetricsData? metrics, AthleteThresholdPeriod? thresholds, int thresholdsVersion, DateTimeOffset now)
    {
        var (before, load, source) = (workout.Metrics, workout.TrainingLoad, workout.TrainingLoadSource);
        workout.Metrics = metrics;
        workout.UpdateTrainingLoad(thresholds);
        workout.ThresholdsCheckedVersion = Math.Max(workout.ThresholdsCheckedVersion, thresholdsVersion);
        if (ReferenceEquals(before, workout.Metrics) && load == workout.TrainingLoad && source == workout.TrainingLoadSource)
        {
            return false;
        }

        workout.UpdatedAt = now.UtcDateTime;
        db.AddOutboxMessage(new WorkoutMetricsRecalculated(workout.Id, workout.ToMetricsMessage(), thresholdsVersion, now));
        return true;
    }
}
