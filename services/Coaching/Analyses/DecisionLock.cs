using CyclingCoach.Coaching.Data;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// One decision on an analysis at a time: a PostgreSQL session advisory lock on its id, taken on the request's own
/// connection (kept open until disposed). Two approvals sent at once then run one after the other, and the second
/// finds the suggestions decided and answers as an approval sent twice does — the same plan version — instead of
/// adopting thresholds and recording the decision a second time.
/// </summary>
public sealed class DecisionLock : IAsyncDisposable
{
    private const int Space = 0x414E; // "AN": the two-key form keeps these apart from the one-key locks (plans, athlete)

    private readonly CoachingDbContext db;
    private readonly int key;

    private DecisionLock(CoachingDbContext db, int key)
    {
        this.db = db;
        this.key = key;
    }

    public static async Task<DecisionLock> AcquireAsync(CoachingDbContext db, Guid analysisId, CancellationToken cancellationToken)
    {
        var key = analysisId.GetHashCode();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Space}, {key})", cancellationToken);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }

        return new DecisionLock(db, key);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Space}, {key})");
        }
        finally
        {
            await db.Database.CloseConnectionAsync(); // a lost connection has released the lock already
        }
    }
}
