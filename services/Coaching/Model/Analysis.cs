using CyclingCoach.Coaching.Domain.Analyses;

namespace CyclingCoach.Coaching.Model;

/// <summary>
/// A workout review, or a threshold or chat proposal: suggestions that wait for the rider. A workout review is
/// created <see cref="AnalysisStatus.Pending"/> and completed by the analysis worker in one transaction.
/// </summary>
public sealed class Analysis
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public AnalysisType Type { get; init; }
    public Guid? WorkoutId { get; init; }

    /// <summary>The day the analysis is about (the ride's, the missed session's, the readiness morning's); its week is the one "approve the week" takes it in.</summary>
    public DateOnly? Day { get; set; }
    public AnalysisStatus Status { get; set; }
    public string? Engine { get; set; }

    /// <summary>The engine was asked but failed, so the built-in coach answered (the reason is kept).</summary>
    public string? FallbackReason { get; set; }
    public AnalysisFacts? Facts { get; set; }
    public CoachFeedback? Feedback { get; set; }
    public List<Suggestion> Suggestions { get; set; } = [];

    /// <summary>The plan version the suggestions were made against.</summary>
    public Guid? PlanVersionId { get; set; }
    public Guid? ResultPlanVersionId { get; set; }
    public string? Error { get; set; }
    public string? RejectReason { get; set; }
    public int Attempts { get; set; }

    /// <summary>
    /// Bumped whenever the analysis is queued again because its ride's numbers changed (<c>AnalysisRefresh</c>): with
    /// <see cref="Attempts"/> it guards the worker's save, so a worker still computing from the old numbers cannot
    /// store its result.
    /// </summary>
    public int Revision { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime? CompletedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
}

public enum AnalysisType
{
    WorkoutReview,
    ThresholdUpdate,
    ChatProposal,
    ReadinessAdjustment,

    /// <summary>A planned hard session nobody rode (the daily check): move it within its week, or let it go.</summary>
    MissedSession,
}

public enum AnalysisStatus
{
    Pending,
    Ready,
    Failed,
    Approved,
    PartiallyApproved,
    Rejected,
}
