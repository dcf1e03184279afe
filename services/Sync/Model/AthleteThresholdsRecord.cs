namespace CyclingCoach.Sync.Model;

/// <summary>
/// The latest <c>AthleteProfileChanged</c> applied (one row): its version and current values. The history that
/// metrics use is in <see cref="AthleteThresholdPeriod"/>; a ride whose <see cref="Workout.ThresholdsCheckedVersion"/>
/// is below <see cref="Version"/> is still to be checked against it.
/// </summary>
public sealed class AthleteThresholdsRecord
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public int Version { get; set; }
    public double? FtpWatts { get; set; }
    public int? LactateThresholdHeartRateBpm { get; set; }
    public int? MaxHeartRateBpm { get; set; }
    public int? RestingHeartRateBpm { get; set; }
    public DateOnly? EffectiveFrom { get; set; }
    public double? WeightKg { get; set; }
    public DateTime ChangedAt { get; set; }
}
