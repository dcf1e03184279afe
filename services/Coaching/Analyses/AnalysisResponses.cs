using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Model;
using CyclingCoach.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// An analysis as the API shows it. <see cref="BasedOn"/> is the ride's TSS, IF and FTP the analysis used (its
/// facts); <see cref="Stale"/> says the ride has other numbers now (thresholds changed after it was made and it was
/// not, or could not be, analysed again: see <c>AnalysisRefresh</c>), and <see cref="Current"/> gives them.
/// </summary>
public sealed record AnalysisResponse(
    Guid Id,
    AnalysisType Type,
    Guid? WorkoutId,
    DateOnly? Day,
    AnalysisStatus Status,
    string? Engine,
    string? FallbackReason,
    AnalysisFacts? Facts,
    CoachFeedback? Feedback,
    IReadOnlyList<Suggestion> Suggestions,
    Guid? PlanVersionId,
    Guid? ResultPlanVersionId,
    string? Error,
    string? RejectReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? DecidedAt,
    AnalysisBasis? BasedOn,
    bool Stale,
    AnalysisBasis? Current)
{
    /// <param name="ride">The ride's numbers now (null: not a ride's analysis, or the ride is gone).</param>
    public static AnalysisResponse From(Analysis a, AnalysisBasis? ride)
    {
        var stale = a.Status != AnalysisStatus.Pending && AnalysisRefresh.IsStale(a, ride);
        return new(
            a.Id, a.Type, a.WorkoutId, a.Day, a.Status, a.Engine, a.FallbackReason, a.Facts, a.Feedback, a.Suggestions, a.PlanVersionId,
            a.ResultPlanVersionId, a.Error, a.RejectReason, a.CreatedAt.AsUtcOffset(), a.CompletedAt?.AsUtcOffset(), a.DecidedAt?.AsUtcOffset(),
            a.Facts is { } facts ? AnalysisBasis.Of(facts) : null, stale, stale ? ride : null);
    }

    /// <summary>The analyses as the API shows them, each compared with its ride's numbers now (one query).</summary>
    public static async Task<List<AnalysisResponse>> ForAsync(CoachingDbContext db, IReadOnlyList<Analysis> analyses, CancellationToken cancellationToken)
    {
        var ids = analyses.Where(a => a.Facts is not null && a.WorkoutId is not null).Select(a => a.WorkoutId!.Value).Distinct().ToList();
        var rides = ids.Count == 0
            ? []
            : (await db.Workouts.AsNoTracking().Where(w => ids.Contains(w.WorkoutId)).Select(AnalysisBasis.ByRide).ToListAsync(cancellationToken)).ToDictionary();
        return analyses.Select(a => From(a, a.WorkoutId is { } id ? rides.GetValueOrDefault(id) : null)).ToList();
    }

    public static async Task<AnalysisResponse> ForAsync(CoachingDbContext db, Analysis analysis, CancellationToken cancellationToken) =>
        (await ForAsync(db, [analysis], cancellationToken))[0];
}

/// <param name="SuggestionIds">The suggestions to approve; all pending ones when absent.</param>
public sealed record ApproveRequest(IReadOnlyList<string>? SuggestionIds);

/// <param name="SuggestionIds">The suggestions to reject; all pending ones when absent.</param>
public sealed record RejectRequest(string? Reason, IReadOnlyList<string>? SuggestionIds);

/// <param name="NewPlanId">The plan version the approval created (null when it changed no plan).</param>
public sealed record ApproveResponse(AnalysisResponse Analysis, Guid? NewPlanId);
