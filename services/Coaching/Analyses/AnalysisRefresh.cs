using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// Keeps a ride's reviews true to its numbers after a threshold change (<c>WorkoutMetricsRecalculated</c>), in the
/// consumer's transaction, so nothing is lost if the process dies and a redelivery changes nothing twice:
/// <list type="bullet">
/// <item>a review still <b>pending</b> (queued or running) is queued again: a worker that already read the old numbers
/// cannot store them (<see cref="Analysis.Revision"/>);</item>
/// <item>an <b>open</b> review (ready, no suggestion decided yet) whose numbers differ is queued again and re-run by the
/// analysis worker, same id, when the ride is at most <see cref="AnalysisOptions.RefreshDays"/> old — the rider sees
/// the new TSS in it and decides on suggestions made from it;</item>
/// <item>a <b>decided</b> review (approved, rejected, or some suggestions decided) is kept as the rider decided it —
/// its plan version was made from it — and, like an open one on an older ride, is shown as based on the old numbers
/// (<see cref="AnalysisResponse.BasedOn"/>, <see cref="AnalysisResponse.Stale"/>). Asking for an analysis then
/// re-runs an open one, or adds a new review beside a decided one.</item>
/// </list>
/// </summary>
public static class AnalysisRefresh
{
    /// <summary>Queues the ride's pending and stale open reviews again (tracked by <paramref name="db"/>; the caller saves). Returns how many.</summary>
    public static async Task<int> RideRecalculatedAsync(CoachingDbContext db, WorkoutProjection ride, DateOnly today, int refreshDays, CancellationToken cancellationToken)
    {
        var reviews = await db.Analyses
            .Where(a => a.WorkoutId == ride.WorkoutId && a.Type == AnalysisType.WorkoutReview && (a.Status == AnalysisStatus.Pending || a.Status == AnalysisStatus.Ready))
            .ToListAsync(cancellationToken);
        var now = AnalysisBasis.Of(ride);
        var recent = ride.LocalDate >= today.AddDays(-refreshDays);
        var queued = 0;
        foreach (var review in reviews.Where(r => r.Status == AnalysisStatus.Pending || (recent && IsStale(r, now) && IsOpen(r))))
        {
            Requeue(review);
            queued++;
        }

        return queued;
    }

    /// <summary>Ready and no suggestion decided yet: re-running it loses no decision.</summary>
    public static bool IsOpen(Analysis analysis) =>
        analysis.Status == AnalysisStatus.Ready && analysis.Suggestions.All(s => s.State == SuggestionState.Pending);

    /// <summary>Its facts were computed from other numbers than the ride has now.</summary>
    public static bool IsStale(Analysis analysis, AnalysisBasis? ride) =>
        analysis.Facts is { } facts && ride is not null && AnalysisBasis.Of(facts).DiffersFrom(ride);

    /// <summary>Back to pending for the worker, as a fresh analysis: attempts from zero, a new revision, no lease.</summary>
    public static void Requeue(Analysis analysis)
    {
        analysis.Status = AnalysisStatus.Pending;
        analysis.Attempts = 0;
        analysis.Revision++;
        analysis.LeaseUntil = null;
        analysis.Error = null;
    }
}
