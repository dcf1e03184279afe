using CyclingCoach.Sync.Model;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.Data;

public static class ThresholdHistoryQueries
{
    /// <summary>
    /// The stored history. The version is read before the periods: a history committed in between is then newer than
    /// the version a ride records, so the recompute worker checks that ride again rather than missing it.
    /// </summary>
    public static async Task<ThresholdHistory> LoadThresholdHistoryAsync(this SyncDbContext db, CancellationToken cancellationToken)
    {
        var version = await db.AthleteThresholds.AsNoTracking().Select(t => (int?)t.Version).FirstOrDefaultAsync(cancellationToken);
        return version is { } v ? await WithPeriodsAsync(db, v, cancellationToken) : ThresholdHistory.None;
    }

    /// <summary>
    /// The stored history, the singleton row locked FOR SHARE until the caller's transaction ends: a consumer that is
    /// replacing the history holds it FOR UPDATE, so this waits for its commit and reads the new version, and no new
    /// history can commit while the caller recomputes against this one.
    /// </summary>
    public static async Task<ThresholdHistory> LoadThresholdHistoryForShareAsync(this SyncDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.AthleteThresholds
            .FromSql($"SELECT * FROM athlete_thresholds WHERE id = {AthleteThresholdsRecord.SingletonId} FOR SHARE")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows is [var row] ? await WithPeriodsAsync(db, row.Version, cancellationToken) : ThresholdHistory.None;
    }

    private static async Task<ThresholdHistory> WithPeriodsAsync(SyncDbContext db, int version, CancellationToken cancellationToken)
    {
        var periods = await db.AthleteThresholdPeriods.AsNoTracking().OrderBy(p => p.EffectiveFrom).ToListAsync(cancellationToken);
        return new ThresholdHistory(version, periods);
    }
}
