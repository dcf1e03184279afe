using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Model;

/// <summary>
/// One change waiting for approval: a plan operation, new thresholds, or keeping the analysis's ride out of the load.
/// <see cref="Id"/> is stable ("s1", "s2", …). Suggestions sharing a <see cref="OneOf"/> are alternative answers to
/// one question: approving one rejects the others.
/// </summary>
public sealed record Suggestion(
    string Id,
    SuggestionKind Kind,
    string Reason,
    IReadOnlyList<string> Cites,
    PlanOperation? Operation = null,
    ThresholdProposal? Thresholds = null,
    SuggestionState State = SuggestionState.Pending,
    string? OneOf = null);

public enum SuggestionKind
{
    PlanOperation,
    Thresholds,

    /// <summary>The analysis's ride leaves the load (its power data is wrong): <see cref="RideLoadState.Excluded"/>.</summary>
    ExcludeRide,
}

public enum SuggestionState
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>Thresholds offered for adoption (from Garmin, intervals.icu or the rider's own rides).</summary>
public sealed record ThresholdProposal(
    string Source,
    DateOnly EffectiveFrom,
    double? FtpWatts = null,
    double? WeightKg = null,
    int? MaxHeartRateBpm = null,
    int? RestingHeartRateBpm = null,
    int? LactateThresholdHeartRateBpm = null);
