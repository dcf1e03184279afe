namespace CyclingCoach.Sync.Model;

/// <summary>The latest thresholds from Coaching's <c>AthleteProfileChanged</c> (one row); metrics are computed against them.</summary>
public sealed class AthleteThresholdsRecord
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public int Version { get; set; }
    public double? FtpWatts { get; set; }
    public int? LactateThresholdHeartRateBpm { get; set; }
    public int? MaxHeartRateBpm { get; set; }
    public double? WeightKg { get; set; }
    public DateTime ChangedAt { get; set; }
}
