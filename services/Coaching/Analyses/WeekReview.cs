using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Plans;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// A week at a glance: every pending suggestion of the analyses about a Monday–Sunday week (<see cref="Analysis.Day"/>,
/// else the day it was made), decided in one action. Approving the week applies its plan operations in order (by day,
/// then as each analysis lists them) to the current plan as ONE new plan version, stored with the approved flags in one
/// transaction; an operation that no longer applies after the ones before it is left pending and reported, never half
/// applied. Threshold changes and a ride's data question are not in "approve all" (they change the FTP or the
/// rider's fitness: each is decided on its own) nor are alternatives the rider has not chosen between. Rejecting the
/// week rejects every pending suggestion, those included.
/// </summary>
public sealed class WeekReview(CoachingDbContext db, PlanService plans, AnalysisService analyses)
{
    public async Task<WeekResponse> GetAsync(DateOnly monday, CancellationToken cancellationToken)
    {
        var (items, _) = await PreviewAsync(monday, cancellationToken);
        return new WeekResponse(monday, items);
    }

    public async Task<WeekDecisionResult> ApproveAsync(DateOnly monday, CancellationToken cancellationToken)
    {
        var (items, plan) = await PreviewAsync(monday, cancellationToken);
        var approve = items.Where(i => i.InApproveAll && i.Note is null).ToList();
        if (approve.Count == 0)
        {
            return new WeekDecisionResult(new WeekDecisionResponse(monday, null, [], items), null, []);
        }

        Guid? versionId = null;
        try
        {
            var stored = await plans.StoreAsync(plan!, PlanOrigin.Analysis, $"week:{monday:yyyy-MM-dd}", null, null, cancellationToken,
                async (tx, version, ct) =>
                {
                    versionId = version.Id;
                    foreach (var group in approve.GroupBy(i => i.AnalysisId))
                    {
                        await analyses.DecideAsync(tx, group.Key, [.. group.Select(i => i.Suggestion)], SuggestionState.Approved, null, version.Id, ct);
                    }
                });
            if (stored.Version is null)
            {
                return new WeekDecisionResult(null, stored.Conflict, stored.Violations);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return new WeekDecisionResult(null, "Some of the week's suggestions were decided meanwhile; nothing was changed. Look at the week again.", []);
        }

        var left = items.Except(approve).ToList();
        return new WeekDecisionResult(new WeekDecisionResponse(monday, versionId, [.. approve.Select(WeekItemRef.Of)], left), null, []);
    }

    public async Task<WeekDecisionResult> RejectAsync(DateOnly monday, string? reason, CancellationToken cancellationToken)
    {
        var (items, _) = await PreviewAsync(monday, cancellationToken);
        if (items.Count == 0)
        {
            return new WeekDecisionResult(new WeekDecisionResponse(monday, null, [], []), null, []);
        }

        db.ChangeTracker.Clear();
        try
        {
            foreach (var group in items.GroupBy(i => i.AnalysisId))
            {
                await analyses.DecideAsync(db, group.Key, [.. group.Select(i => i.Suggestion)], SuggestionState.Rejected, reason, null, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new WeekDecisionResult(null, "Some of the week's suggestions were decided meanwhile; nothing was changed. Look at the week again.", []);
        }

        return new WeekDecisionResult(new WeekDecisionResponse(monday, null, [.. items.Select(WeekItemRef.Of)], []), null, []);
    }

    /// <summary>The week's pending suggestions, each saying whether "approve all" takes it and why not; and the plan it would make.</summary>
    private async Task<(List<WeekItem> Items, TrainingPlan? Plan)> PreviewAsync(DateOnly monday, CancellationToken cancellationToken)
    {
        var sunday = monday.AddDays(6);
        var (fromUtc, toUtc) = (monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), monday.AddDays(7).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var open = await db.Analyses.AsNoTracking()
            .Where(a => a.Status == AnalysisStatus.Ready || a.Status == AnalysisStatus.PartiallyApproved)
            .Where(a => a.Day != null ? a.Day >= monday && a.Day <= sunday : a.CreatedAt >= fromUtc && a.CreatedAt < toUtc)
            .ToListAsync(cancellationToken);
        var plan = (await plans.CurrentAsync(cancellationToken))?.Plan;
        var items = new List<WeekItem>();
        foreach (var analysis in open.OrderBy(a => a.Day ?? DateOnly.FromDateTime(a.CreatedAt)).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id))
        {
            var day = analysis.Day ?? DateOnly.FromDateTime(analysis.CreatedAt);
            foreach (var suggestion in analysis.Suggestions.Where(s => s.State == SuggestionState.Pending))
            {
                string? note = null;
                var inApproveAll = suggestion.Kind == SuggestionKind.PlanOperation && !AnalysisService.IsOpenChoice(analysis, suggestion);
                if (!inApproveAll)
                {
                    note = AnalysisService.IsOpenChoice(analysis, suggestion)
                        ? "Choose one of this analysis's answers."
                        : "Decide this one on its own: it changes your thresholds or what counts for your fitness.";
                }
                else if (plan is null)
                {
                    note = "There is no plan to change; generate one first.";
                }
                else if (PlanOperationApplier.Apply(plan, suggestion.Operation!) is { Succeeded: false, Error: var error })
                {
                    note = $"No longer fits the plan after the ones before it: {error.Message}";
                }
                else
                {
                    plan = PlanOperationApplier.Apply(plan, suggestion.Operation!).Plan;
                }

                items.Add(new WeekItem(analysis.Id, analysis.Type, day, analysis.WorkoutId, analysis.Feedback?.Summary, suggestion, inApproveAll, note));
            }
        }

        return (items, plan);
    }
}

/// <param name="Items">The week's pending suggestions, in the order "approve all" applies them.</param>
public sealed record WeekResponse(DateOnly Monday, IReadOnlyList<WeekItem> Items);

/// <summary>One pending suggestion of the week.</summary>
/// <param name="Day">The day its analysis is about.</param>
/// <param name="Summary">The analysis's summary.</param>
/// <param name="InApproveAll">"Approve all" takes it (a plan operation, not an open choice between answers).</param>
/// <param name="Note">Why "approve all" leaves it: decided on its own, an open choice, or it no longer fits the plan; null when it is applied.</param>
public sealed record WeekItem(Guid AnalysisId, AnalysisType AnalysisType, DateOnly Day, Guid? WorkoutId, string? Summary, Suggestion Suggestion, bool InApproveAll, string? Note);

public sealed record WeekItemRef(Guid AnalysisId, string SuggestionId)
{
    public static WeekItemRef Of(WeekItem item) => new(item.AnalysisId, item.Suggestion.Id);
}

/// <param name="NewPlanId">The plan version "approve all" made (null when nothing was applied).</param>
/// <param name="Decided">The suggestions approved (or rejected).</param>
/// <param name="Left">What is still pending, each with why.</param>
public sealed record WeekDecisionResponse(DateOnly Monday, Guid? NewPlanId, IReadOnlyList<WeekItemRef> Decided, IReadOnlyList<WeekItem> Left);

/// <summary>The response, or why nothing changed (a conflict, or the rule violations of the plan it would make).</summary>
public sealed record WeekDecisionResult(WeekDecisionResponse? Response, string? Conflict, IReadOnlyList<string> Violations);

/// <param name="Reason">Why the rider rejects them (at most 1000 characters).</param>
public sealed record WeekRejectRequest(string? Reason);
