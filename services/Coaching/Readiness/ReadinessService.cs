using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Readiness;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Readiness;

/// <summary>Reads the stored wellness (with the 60 days before the range for the baselines) and computes each day's readiness.</summary>
public sealed class ReadinessService(CoachingDbContext db)
{
    /// <summary>Days with any wellness in [<paramref name="from"/>, <paramref name="to"/>], oldest first; days without are absent.</summary>
    public async Task<IReadOnlyList<DailyReadiness>> ComputeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(from.AddDays(-ReadinessCalculator.HistoryDays), to, cancellationToken);
        return [.. history.Where(h => h.Date >= from).Select(h => ReadinessCalculator.Compute(h.Date, history))];
    }

    /// <summary>The day's readiness, or null when the day has no wellness.</summary>
    public async Task<DailyReadiness?> ForDayAsync(DateOnly date, CancellationToken cancellationToken) =>
        (await ComputeAsync(date, date, cancellationToken)).FirstOrDefault();

    private async Task<List<WellnessInput>> HistoryAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await db.Wellness.AsNoTracking().Where(w => w.Date >= from && w.Date <= to).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Date).OrderBy(g => g.Key).Select(g => WellnessMerge.Merge(g.Key, g.Select(r => (r.Source, r.Metrics))))];
    }
}
