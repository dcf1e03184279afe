using CyclingCoach.Contracts;
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
/// workers never take the same ride.
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
                    WHERE ((has_streams OR average_power > 0) AND thresholds_checked_version < {version}) OR training_load_source IS NULL
                    ORDER BY id LIMIT {batchSize} FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return new RecomputeBatchResult(0, 0);
            }

            var stale = due
                .Where(w => w.HasStreams && w.Metrics is { } m && !WorkoutMetricsBuilder.UsesSameThresholds(m, history.On(w.LocalDate)))
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
                var metrics = workout.Metrics is { } m && streams.TryGetValue(workout.Id, out var s)
                    ? WorkoutMetricsBuilder.Reapply(m, s.ToRideStreams(), thresholds, version)
                    : workout.Metrics;
                if (db.ApplyRecalculatedMetrics(workout, metrics, thresholds, version, now))
                {
                    recalculated++;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new RecomputeBatchResult(due.Count, recalculated);
        }, cancellationToken);
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
