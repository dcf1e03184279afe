using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Model;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// One waiting change a day: a day that a pending suggestion of another analysis already changes gets no second
/// suggestion, so a ride's review, the low-readiness advice, a missed session's move and an FTP test never offer two
/// changes of the same day (approving both would make the second undo or contradict the first). The first offer
/// stands; the rider sees both analyses.
/// </summary>
public static class PendingChanges
{
    /// <summary>The days pending plan operations change, in analyses waiting for a decision (except <paramref name="except"/>).</summary>
    public static async Task<HashSet<DateOnly>> DaysAsync(CoachingDbContext db, Guid? except, CancellationToken cancellationToken)
    {
        var open = await db.Analyses.AsNoTracking()
            .Where(a => (a.Status == AnalysisStatus.Ready || a.Status == AnalysisStatus.PartiallyApproved) && a.Id != except)
            .Select(a => a.Suggestions)
            .ToListAsync(cancellationToken);
        return [.. open.SelectMany(s => s).Where(s => s.State == SuggestionState.Pending && s.Operation is not null).SelectMany(s => Days(s.Operation!))];
    }

    public static IEnumerable<DateOnly> Days(PlanOperation op) => new[] { op.Date, op.TargetDate }.OfType<DateOnly>();

    /// <summary>The suggestions that change no taken day and still apply, in order, without the ones left out.</summary>
    public static IReadOnlyList<PlanSuggestion> Without(IReadOnlyList<PlanSuggestion> suggestions, IReadOnlySet<DateOnly>? taken, TrainingPlan? plan)
    {
        if (taken is not { Count: > 0 } || plan is null)
        {
            return suggestions;
        }

        var kept = new List<PlanSuggestion>();
        foreach (var suggestion in suggestions.Where(s => !Days(s.Operation).Any(taken.Contains)))
        {
            if (PlanOperationApplier.ApplyAll(plan, [.. kept.Select(k => k.Operation), suggestion.Operation]).Succeeded)
            {
                kept.Add(suggestion);
            }
        }

        return kept;
    }
}
