namespace CyclingCoach.Coaching.Domain.Readiness;

/// <summary>The inputs readiness uses from one day's wellness (every source merged; null = not recorded).</summary>
public sealed record WellnessInput(DateOnly Date, double? HrvMs, int? SleepSeconds, int? SleepScore, int? RestingHeartRateBpm);

/// <summary>
/// A day's readiness: <see cref="Score"/> 0–100 from the components that had their inputs (null when none had),
/// <see cref="Confidence"/> the share of the full weight those components carry (1 = every input and baseline was
/// there). Every reason cites facts by the names in <see cref="Facts"/>; <see cref="Missing"/> says what was not.
/// </summary>
public sealed record DailyReadiness(
    DateOnly Date,
    double? Score,
    ReadinessBand Band,
    double Confidence,
    IReadOnlyList<ReadinessReason> Reasons,
    IReadOnlyList<string> Missing,
    IReadOnlyDictionary<string, double> Facts);

/// <param name="Component">hrv_baseline_60, hrv_baseline_7, sleep_duration, sleep_score, resting_hr.</param>
/// <param name="Score">The component's own 0–100.</param>
public sealed record ReadinessReason(string Component, double Score, double Weight, string Text, IReadOnlyList<string> Cites);

public enum ReadinessBand
{
    Ready,
    Caution,
    Low,
    Unknown,
}
