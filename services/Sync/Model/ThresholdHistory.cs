using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Model;

/// <summary>The stored threshold periods (oldest first) and the <c>AthleteProfileChanged</c> version they came from.</summary>
public sealed record ThresholdHistory(int Version, IReadOnlyList<AthleteThresholdPeriod> Periods)
{
    public static ThresholdHistory None { get; } = new(0, []);

    /// <summary>
    /// The thresholds in effect on <paramref name="date"/> (<see cref="ThresholdTimeline"/>, GoldenCheetah's
    /// convention): the last period starting on or before it, and before the first period that gives a value, that
    /// first value — so a first FTP also applies to every earlier ride. Null only when there are no periods.
    /// </summary>
    public AthleteThresholdPeriod? On(DateOnly date)
    {
        var index = ThresholdTimeline.PeriodOn(Periods, p => p.EffectiveFrom, date);
        if (index < 0)
        {
            return null;
        }

        TValue? Value<TValue>(Func<AthleteThresholdPeriod, TValue?> value) where TValue : struct =>
            ThresholdTimeline.ValueOn(Periods, p => p.EffectiveFrom, value, date);
        return new AthleteThresholdPeriod
        {
            EffectiveFrom = Periods[index].EffectiveFrom,
            FtpWatts = Value(p => p.FtpWatts),
            LactateThresholdHeartRateBpm = Value(p => p.LactateThresholdHeartRateBpm),
            MaxHeartRateBpm = Value(p => p.MaxHeartRateBpm),
            RestingHeartRateBpm = Value(p => p.RestingHeartRateBpm),
        };
    }
}
