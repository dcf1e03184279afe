using CyclingCoach.Coaching.Coach.Analyses;
using CyclingCoach.Coaching.Model;
using CyclingCoach.ServiceDefaults;

namespace CyclingCoach.Coaching.Analyses;

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
    DateTimeOffset? DecidedAt)
{
    public static AnalysisResponse From(Analysis a) => new(
        a.Id, a.Type, a.WorkoutId, a.Day, a.Status, a.Engine, a.FallbackReason, a.Facts, a.Feedback, a.Suggestions, a.PlanVersionId,
        a.ResultPlanVersionId, a.Error, a.RejectReason, a.CreatedAt.AsUtcOffset(), a.CompletedAt?.AsUtcOffset(), a.DecidedAt?.AsUtcOffset());
}

/// <param name="SuggestionIds">The suggestions to approve; all pending ones when absent.</param>
public sealed record ApproveRequest(IReadOnlyList<string>? SuggestionIds);

/// <param name="SuggestionIds">The suggestions to reject; all pending ones when absent.</param>
public sealed record RejectRequest(string? Reason, IReadOnlyList<string>? SuggestionIds);

/// <param name="NewPlanId">The plan version the approval created (null when it changed no plan).</param>
public sealed record ApproveResponse(AnalysisResponse Analysis, Guid? NewPlanId);
