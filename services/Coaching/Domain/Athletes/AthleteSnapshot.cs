namespace CyclingCoach.Coaching.Domain.Athletes;

/// <summary>The rider's thresholds and body numbers in effect for a plan or an analysis.</summary>
public sealed record AthleteSnapshot(double? FtpWatts, double? WeightKg, int? MaxHeartRateBpm, int? LactateThresholdHeartRateBpm, int? RestingHeartRateBpm);
