using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Import;
using CyclingCoach.Sync.Model;
using CyclingCoach.Training.Science;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.Recompute;

/// <summary>What one batch did: rides checked against the history, and rides whose metrics changed (one event each).</summary>
public sealed record RecomputeBatchResult(int Checked, int Recalculated);

/// <summary>
/// Brings stored rides up to the stored threshold history, one batch per transaction. A ride is due when it has
/// streams or an average power and was last checked against an older history version, or has no training load yet
/// (stored before loads existed). A due ride whose thresholds (FTP, LTHR, max and resting HR in effect on its local
/// date, <see cref="ThresholdHistory.On"/>: before the first period, the first one's) differ from those its metrics
/// used is recomputed from its stored 1 Hz power and HR (no file is parsed again); a ride without power samples
/// takes its load from its average power and the FTP in effect (<see cref="Workout.UpdateTrainingLoad"/>). The metrics, the checked
/// version and a <see cref="WorkoutMetricsRecalculated"/> outbox row commit together, so a batch cut short by a crash
/// is redone whole and no ride is recomputed — or announced — twice. Rows are claimed FOR UPDATE SKIP LOCKED, so two
/// workers never take the same ride. A ride marked <see cref="Workout.MetricsOutdated"/> (by a migration, when a rule
/// of the metrics changed) is recomputed whole from its stored streams once, whatever its thresholds.
/// </summary>
public sealed class ThresholdRecomputer(SyncDbContext db, TimeProvider time)
{
    public async Task<RecomputeBatchResult> RecomputeBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var history = await db.LoadThresholdHistoryForShareAsync(ct);
            var version = history.Version;
            var due = await db.Workouts
                .FromSql($"""
                    SELECT * FROM workouts
                    WHERE ((has_streams OR average_power > 0) AND thresholds_checked_version < {version}) OR training_load_source IS NULL OR metrics_outdated
                    ORDER BY id LIMIT {batchSize} FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return new RecomputeBatchResult(0, 0);
            }

            var outdated = due.Where(w => w.MetricsOutdated).Select(w => w.Id).ToList();
            Dictionary<Guid, WorkoutStreams> allStreams = outdated.Count == 0
                ? []
                : await db.WorkoutStreams.AsNoTracking().Where(s => outdated.Contains(s.WorkoutId)).ToDictionaryAsync(s => s.WorkoutId, ct);
            var stale = due
                .Where(w => !w.MetricsOutdated && w.HasStreams && w.Metrics is { } m && !WorkoutMetricsBuilder.UsesSameThresholds(m, history.On(w.LocalDate)))
                .Select(w => w.Id)
                .ToList();
            Dictionary<Guid, ThresholdStreams> streams = stale.Count == 0
                ? []
                : await db.WorkoutStreams.AsNoTracking()
                    .Where(s => stale.Contains(s.WorkoutId))
                    .Select(s => new ThresholdStreams(s.WorkoutId, s.Length, s.Power, s.HeartRate, s.Recorded))
                    .ToDictionaryAsync(s => s.WorkoutId, ct);

            var now = time.GetUtcNow();
            var recalculated = 0;
            foreach (var workout in due)
            {
                var thresholds = history.On(workout.LocalDate);
                var outdatedRide = workout.MetricsOutdated;
                var metrics = outdatedRide ? RecomputeOutdated(workout, allStreams.GetValueOrDefault(workout.Id), thresholds, version)
                    : workout.Metrics is { } m && streams.TryGetValue(workout.Id, out var s) ? WorkoutMetricsBuilder.Reapply(m, s.ToRideStreams(), thresholds, version)
                    : workout.Metrics;
                if (db.ApplyRecalculatedMetrics(workout, metrics, thresholds, version, now))
                {
                    recalculated++;
                }

                if (outdatedRide)
                {
                    db.AddOutboxMessage(workout.ToImportedEvent()); // the ride as now stored: Coaching updates its copy in place
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new RecomputeBatchResult(due.Count, recalculated);
        }, cancellationToken);
    }

    /// <summary>
    /// A ride whose metrics were computed by older rules (<see cref="Workout.MetricsOutdated"/>): everything is computed
    /// again from its stored streams, as an import would, and its summary columns lose the zeros those rules let in.
    /// The caller then publishes <see cref="WorkoutMetricsRecalculated"/> (Coaching refreshes the ride's reviews) and
    /// the ride as now stored (<see cref="WorkoutImported"/>: Coaching's copy is updated in place, its average power
    /// included, which the first message does not carry). Both carry the same metrics and load, so their order does not
    /// matter.
    /// </summary>
    private static WorkoutMetricsData? RecomputeOutdated(Workout workout, WorkoutStreams? stored, AthleteThresholdPeriod? thresholds, int version)
    {
        workout.MetricsOutdated = false;
        workout.DropZeroSummaries();
        return workout.Metrics is { } m && stored is not null
            ? WorkoutMetricsBuilder.Recompute(m, stored.ToRideStreams(), thresholds, version, m.SampleRepairEnabled)
            : workout.Metrics;
    }

    /// <summary>The channels the thresholds act on; the rest of the ride is not read.</summary>
    private sealed record ThresholdStreams(Guid WorkoutId, int Length, float[]? Power, float[]? HeartRate, bool[] Recorded)
    {
        public RideStreams ToRideStreams()
        {
            var s = RideStreams.Create(null, Length);
            Copy(Power, s.Power);
            Copy(HeartRate, s.HeartRate);
            Recorded.AsSpan(0, Math.Min(Length, Recorded.Length)).CopyTo(s.Recorded);
            return s;
        }

        private static void Copy(float[]? from, double[] to)
        {
            if (from is null)
            {
                return;
            }

            for (var i = 0; i < Math.Min(from.Length, to.Length); i++)
            {
                to[i] = from[i];
            }
        }
    }
}
