using CyclingCoach.Coaching.Coach.Plans;

namespace CyclingCoach.Coaching.Model;

/// <summary>One change waiting for approval: a plan operation, or new thresholds. <see cref="Id"/> is stable ("s1", "s2", …).</summary>
public sealed record Suggestion(
    string Id,
    SuggestionKind Kind,
    string Reason,
    IReadOnlyList<string> Cites,
    PlanOperation? Operation = null,
    ThresholdProposal? Thresholds = null,
    SuggestionState State = SuggestionState.Pending);

public enum SuggestionKind
{
    PlanOperation,
    Thresholds,
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
