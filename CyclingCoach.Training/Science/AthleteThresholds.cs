namespace CyclingCoach.Training.Science;

/// <summary>The rider's thresholds used to compute a ride's metrics. Any value may be unknown (null).</summary>
/// <param name="FtpWatts">Functional threshold power; without it IF, TSS and power zones are null.</param>
/// <param name="LthrBpm">
/// Lactate threshold heart rate. When null but max and resting HR are known, HRSS uses Elevate's default
/// LTHR = HR_rest + 0.85·(HR_max − HR_rest) (peers.md §2.3).
/// </param>
/// <param name="TrimpK">Banister weighting: 1.92 (men, default) or 1.67 (women).</param>
public sealed record AthleteThresholds(
    double? FtpWatts,
    double? LthrBpm = null,
    double? MaxHeartRateBpm = null,
    double? RestingHeartRateBpm = null,
    double? WeightKg = null,
    double TrimpK = 1.92)
{
    public const double TrimpKMen = 1.92;
    public const double TrimpKWomen = 1.67;

    /// <summary>LTHR as given, or the Elevate default from max and resting HR.</summary>
    public double? EffectiveLthrBpm =>
        LthrBpm ?? (MaxHeartRateBpm is { } max && RestingHeartRateBpm is { } rest ? rest + (0.85 * (max - rest)) : null);
}
