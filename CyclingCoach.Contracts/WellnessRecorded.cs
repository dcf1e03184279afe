namespace CyclingCoach.Contracts;

/// <summary>
/// One day of wellness from a source, new or changed since it was last pulled (a later pull of the same day sends
/// the whole day again). A day the source has nothing for is never sent; a value the source does not have is null.
/// </summary>
/// <param name="Date">The rider's calendar day the values belong to (the night that ended that morning).</param>
public record WellnessRecorded(WorkoutSource Source, DateOnly Date, WellnessMetrics Metrics, DateTimeOffset RecordedAt);

/// <summary>What a source says about one day; null means the source did not have it (never zero for "missing").</summary>
/// <param name="HrvMs">Overnight HRV, the night's average rMSSD in ms (Garmin <c>lastNightAvg</c>, intervals.icu <c>hrv</c>).</param>
/// <param name="HrvWeeklyAverageMs">The source's own 7-night average (Garmin only).</param>
/// <param name="HrvStatus">Garmin's HRV status: BALANCED, UNBALANCED, LOW, POOR.</param>
/// <param name="SleepScore">0–100 (Garmin's overall sleep score, intervals.icu <c>sleepScore</c>).</param>
/// <param name="TrainingReadiness">The source's own readiness, 0–100 (Garmin training readiness after waking, intervals.icu <c>readiness</c>).</param>
/// <param name="TrainingReadinessLevel">Garmin's level: PRIME, HIGH, MODERATE, LOW, POOR.</param>
/// <param name="BodyBattery">Garmin body battery at wake time (else the day's highest), 0–100.</param>
/// <param name="StressLevel">Garmin's average stress of the day, 0–100.</param>
public record WellnessMetrics(
    double? HrvMs = null,
    double? HrvWeeklyAverageMs = null,
    string? HrvStatus = null,
    int? SleepSeconds = null,
    int? SleepScore = null,
    int? RestingHeartRateBpm = null,
    int? TrainingReadiness = null,
    string? TrainingReadinessLevel = null,
    int? BodyBattery = null,
    int? StressLevel = null)
{
    public bool IsEmpty => this == new WellnessMetrics();
}
