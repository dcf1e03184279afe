using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Plans;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// The approval loop shared by workout analyses, threshold suggestions and chat proposals: approved plan operations
/// are applied to the current plan and stored as a new version (validated, parent = current) in the same transaction
/// that marks them approved, so approving twice changes nothing twice; decisions on one analysis take turns
/// (<see cref="DecisionLock"/>), so two sent at once are an approval sent twice.
/// </summary>
public sealed class AnalysisService(CoachingDbContext db, PlanService plans, AthleteService athletes, AnalysisSignal signal, CoachClock clock)
{
    /// <summary>
    /// Queues an analysis of the workout, or returns the one already waiting for it. The ride's newest review, when
    /// still open but made from numbers the ride no longer has (thresholds changed), is queued again in place instead
    /// (<see cref="AnalysisRefresh"/>); beside a decided one a new review is added.
    /// </summary>
    public async Task<Analysis?> RequestAsync(Guid workoutId, CancellationToken cancellationToken)
    {
        var ride = await db.Workouts.AsNoTracking().FirstOrDefaultAsync(w => w.WorkoutId == workoutId, cancellationToken);
        if (ride is null)
        {
            return null;
        }

        var pending = await db.Analyses.AsNoTracking()
            .FirstOrDefaultAsync(a => a.WorkoutId == workoutId && a.Status == AnalysisStatus.Pending, cancellationToken);
        if (pending is not null)
        {
            return pending;
        }

        var latest = await db.Analyses
            .Where(a => a.WorkoutId == workoutId && a.Type == AnalysisType.WorkoutReview)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var analysis = latest is not null && AnalysisRefresh.IsOpen(latest) && AnalysisRefresh.IsStale(latest, AnalysisBasis.Of(ride))
            ? latest
            : null;
        if (analysis is not null)
        {
            AnalysisRefresh.Requeue(analysis);
        }
        else
        {
            analysis = Queue(db, workoutId);
        }

        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return analysis;
    }

    public static Analysis Queue(CoachingDbContext db, Guid workoutId)
    {
        var analysis = new Analysis { Type = AnalysisType.WorkoutReview, WorkoutId = workoutId, Status = AnalysisStatus.Pending };
        db.Analyses.Add(analysis);
        return analysis;
    }

    public async Task<Decision> ApproveAsync(Guid id, IReadOnlyList<string>? suggestionIds, CancellationToken cancellationToken)
    {
        await using var decision = await DecisionLock.AcquireAsync(db, id, cancellationToken);
        var analysis = await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (analysis is null)
        {
            return new Decision.AnalysisNotFound();
        }

        if (Choose(analysis, suggestionIds, forApproval: true, out var chosen) is { } invalid)
        {
            return invalid;
        }

        var toApprove = chosen.Where(s => s.State == SuggestionState.Pending).ToList();
        if (chosen.Any(s => s.State == SuggestionState.Rejected))
        {
            return new Decision.Conflict("A chosen suggestion was already rejected.");
        }

        if (toApprove.Where(s => s.OneOf is not null).GroupBy(s => s.OneOf).FirstOrDefault(g => g.Count() > 1) is { } both)
        {
            return new Decision.InvalidChoice($"Choose one of {string.Join(", ", both.Select(s => s.Id))}: they are answers to the same question.");
        }

        if (toApprove.Count == 0)
        {
            return new Decision.Made(analysis, analysis.ResultPlanVersionId); // approving again changes nothing
        }

        foreach (var threshold in toApprove.Where(s => s.Thresholds is not null))
        {
            await athletes.AdoptAsync(threshold.Thresholds!, $"suggestion:{analysis.Id}", cancellationToken);
        }

        var operations = toApprove.Where(s => s.Operation is not null).Select(s => s.Operation!).ToList();
        if (operations.Count == 0)
        {
            var decided = await DecideAsync(db, id, toApprove, SuggestionState.Approved, null, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new Decision.Made(decided, null);
        }

        var current = await plans.CurrentAsync(cancellationToken);
        if (current is null)
        {
            return new Decision.Conflict("There is no plan to change; generate one first.");
        }

        var applied = PlanOperationApplier.ApplyAll(current.Plan, operations);
        if (!applied.Succeeded)
        {
            return new Decision.Conflict($"The suggestion no longer fits the current plan: {applied.Error!.Message}");
        }

        var origin = analysis.Type == AnalysisType.ChatProposal ? PlanOrigin.Chat : PlanOrigin.Analysis;
        Analysis? approved = null;
        PlanWriteResult stored;
        try
        {
            stored = await plans.StoreAsync(applied.Plan!, origin, $"analysis:{analysis.Id}", null, null, cancellationToken,
                async (tx, version, ct) => approved = await DecideAsync(tx, id, toApprove, SuggestionState.Approved, null, version.Id, ct));
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent approval of the same suggestions won; its plan version is the answer.
            var winner = await db.Analyses.AsNoTracking().FirstAsync(a => a.Id == id, cancellationToken);
            return new Decision.Made(winner, winner.ResultPlanVersionId);
        }

        if (stored.Version is null)
        {
            return stored.Conflict is { } conflict ? new Decision.Conflict(conflict) : new Decision.PlanRefused(stored.Violations);
        }

        return new Decision.Made(approved!, stored.Version.Id);
    }

    public async Task<Decision> RejectAsync(Guid id, RejectRequest request, CancellationToken cancellationToken)
    {
        await using var decision = await DecisionLock.AcquireAsync(db, id, cancellationToken);
        var analysis = await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (analysis is null)
        {
            return new Decision.AnalysisNotFound();
        }

        if (Choose(analysis, request.SuggestionIds, forApproval: false, out var chosen) is { } invalid)
        {
            return invalid;
        }

        if (chosen.Any(s => s.State == SuggestionState.Approved))
        {
            return new Decision.Conflict("A chosen suggestion was already approved; undo the plan instead.");
        }

        var decided = await DecideAsync(db, id, chosen.Where(s => s.State == SuggestionState.Pending).ToList(), SuggestionState.Rejected, request.Reason?.Trim(), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new Decision.Made(decided, null);
    }

    /// <summary>
    /// The suggestions a decision takes: the listed ones, or all pending ones — except, for an approval, alternatives
    /// still open (<see cref="Suggestion.OneOf"/>: the rider must pick one), which makes "approve all" of only open
    /// alternatives a 400.
    /// </summary>
    private static Decision? Choose(Analysis analysis, IReadOnlyList<string>? ids, bool forApproval, out List<Suggestion> chosen)
    {
        chosen = [];
        if (analysis.Status is AnalysisStatus.Pending or AnalysisStatus.Failed)
        {
            return new Decision.Conflict($"The analysis is {analysis.Status.ToString().ToLowerInvariant()}; nothing can be decided yet.");
        }

        if (ids is null)
        {
            var pending = analysis.Suggestions.Where(s => s.State == SuggestionState.Pending).ToList();
            chosen = forApproval ? pending.Where(s => !IsOpenChoice(analysis, s)).ToList() : pending;
            return forApproval && chosen.Count == 0 && pending.Count > 0
                ? new Decision.InvalidChoice($"Choose one of {string.Join(", ", pending.Select(s => s.Id))}: they are answers to the same question.")
                : null;
        }

        var unknown = ids.Where(i => analysis.Suggestions.All(s => s.Id != i)).ToList();
        if (unknown.Count > 0 || ids.Count == 0)
        {
            return new Decision.InvalidChoice(ids.Count == 0 ? "List at least one suggestion id, or leave suggestionIds out for all." : $"Unknown suggestion ids: {string.Join(", ", unknown)}.");
        }

        chosen = analysis.Suggestions.Where(s => ids.Contains(s.Id)).ToList();
        return null;
    }

    /// <summary>Marks suggestions decided on a tracked copy (in the caller's transaction); throws when another request decided them first.</summary>
    internal async Task<Analysis> DecideAsync(
        CoachingDbContext tx, Guid id, IReadOnlyList<Suggestion> decided, SuggestionState state, string? reason, Guid? planVersionId, CancellationToken cancellationToken)
    {
        var analysis = await tx.Analyses.FirstAsync(a => a.Id == id, cancellationToken);
        var ids = decided.Select(s => s.Id).ToHashSet();
        if (analysis.Suggestions.Any(s => ids.Contains(s.Id) && s.State != SuggestionState.Pending))
        {
            throw new DbUpdateConcurrencyException("The suggestions were decided by another request.");
        }

        analysis.Suggestions = analysis.Suggestions.Select(s => ids.Contains(s.Id) ? s with { State = state } : s).ToList();
        var answered = state == SuggestionState.Approved ? decided.Where(s => s.OneOf is not null).Select(s => s.OneOf).ToHashSet() : [];
        var alternatives = analysis.Suggestions.Where(s => s.State == SuggestionState.Pending && answered.Contains(s.OneOf)).ToList();
        analysis.Suggestions = analysis.Suggestions.Select(s => alternatives.Contains(s) ? s with { State = SuggestionState.Rejected } : s).ToList();
        await ApplyRideAnswerAsync(tx, analysis, cancellationToken);
        var states = analysis.Suggestions.Select(s => s.State).ToHashSet();
        if (states.Contains(SuggestionState.Approved))
        {
            analysis.Status = states.Count == 1 ? AnalysisStatus.Approved : AnalysisStatus.PartiallyApproved;
        }
        else if (state == SuggestionState.Rejected && !states.Contains(SuggestionState.Pending))
        {
            analysis.Status = AnalysisStatus.Rejected;
        }

        analysis.ResultPlanVersionId = planVersionId ?? analysis.ResultPlanVersionId;
        analysis.RejectReason = reason ?? analysis.RejectReason;
        analysis.DecidedAt = clock.UtcNow;
        foreach (var suggestion in decided)
        {
            tx.FlagChanges.Add(new FlagChange
            {
                Entity = "suggestion",
                EntityId = id,
                Flag = suggestion.Id,
                Value = state.ToString().ToLowerInvariant(),
                ChangedBy = "user",
            });
        }

        foreach (var alternative in alternatives)
        {
            tx.FlagChanges.Add(new FlagChange { Entity = "suggestion", EntityId = id, Flag = alternative.Id, Value = "rejected", ChangedBy = "alternative" });
        }

        return analysis;
    }

    /// <summary>A pending alternative whose group has another pending member: the rider has not picked one yet.</summary>
    public static bool IsOpenChoice(Analysis analysis, Suggestion suggestion) => suggestion.OneOf is { } group
        && analysis.Suggestions.Count(s => s.OneOf == group && s.State == SuggestionState.Pending) > 1;

    /// <summary>
    /// The rider's answer to an implausible ride (<see cref="SuggestionKind.ExcludeRide"/>): "the data is wrong" keeps
    /// it out of the load; rejecting every answer says the ride is right, and it counts again. "The FTP is wrong"
    /// changes nothing here: the recomputed ride's new numbers decide (<see cref="WorkoutProjection.CheckPlausibility"/>).
    /// </summary>
    private static async Task ApplyRideAnswerAsync(CoachingDbContext tx, Analysis analysis, CancellationToken cancellationToken)
    {
        if (analysis.WorkoutId is not { } workoutId || analysis.Suggestions.FirstOrDefault(s => s.Kind == SuggestionKind.ExcludeRide) is not { } exclude
            || await tx.Workouts.FindAsync([workoutId], cancellationToken) is not { } ride)
        {
            return;
        }

        var group = analysis.Suggestions.Where(s => s == exclude || (s.OneOf is not null && s.OneOf == exclude.OneOf)).ToList();
        if (exclude.State == SuggestionState.Approved)
        {
            ride.LoadState = RideLoadState.Excluded;
        }
        else if (group.All(s => s.State == SuggestionState.Rejected) && ride.LoadState == RideLoadState.Held)
        {
            ride.LoadState = RideLoadState.Confirmed;
        }
    }
}
