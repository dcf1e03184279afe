using CyclingCoach.Contracts;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Model;

/// <summary>One period of Coaching's threshold history (a row per <see cref="EffectiveFrom"/>), as the last <c>AthleteProfileChanged</c> sent it.</summary>
public sealed class AthleteThresholdPeriod
{
    public DateOnly EffectiveFrom { get; init; }
    public double? FtpWatts { get; init; }
    public int? LactateThresholdHeartRateBpm { get; init; }
    public int? MaxHeartRateBpm { get; init; }
    public int? RestingHeartRateBpm { get; init; }

    public AthleteThresholds ToAthleteThresholds() =>
        new(FtpWatts, LactateThresholdHeartRateBpm, MaxHeartRateBpm, RestingHeartRateBpm);

    public static AthleteThresholdPeriod From(ThresholdPeriod p) => new()
    {
        EffectiveFrom = p.EffectiveFrom,
        FtpWatts = p.FtpWatts,
        LactateThresholdHeartRateBpm = p.LactateThresholdHeartRateBpm,
        MaxHeartRateBpm = p.MaxHeartRateBpm,
        RestingHeartRateBpm = p.RestingHeartRateBpm,
    };
}
