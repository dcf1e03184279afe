using CyclingCoach.Coaching.Model;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Coaching.Athletes;

/// <summary>The profile with the thresholds in effect today, their zones, and every period entered.</summary>
public sealed record AthleteResponse(
    int Version,
    DateOnly? EffectiveFrom,
    double? FtpWatts,
    double? WeightKg,
    int? LactateThresholdHeartRateBpm,
    int? MaxHeartRateBpm,
    int? RestingHeartRateBpm,
    IReadOnlyList<ZoneRange> PowerZones,
    IReadOnlyList<ZoneRange> HeartRateZones,
    BikeProfile? Bike,
    WeeklyAvailability? WeeklyAvailabilityHours,
    IReadOnlyList<ThresholdPeriodResponse> History,
    DateTimeOffset? UpdatedAt)
{
    public static AthleteResponse From(AthleteProfile? profile, AthleteThresholdPeriod? current, IReadOnlyList<AthleteThresholdPeriod> history) => new(
        profile?.Version ?? 0,
        current?.EffectiveFrom,
        current?.FtpWatts,
        current?.WeightKg,
        current?.LactateThresholdHeartRateBpm,
        current?.MaxHeartRateBpm,
        current?.RestingHeartRateBpm,
        ZoneRange.For(ZoneModel.CogganPower, current?.FtpWatts),
        ZoneRange.For(ZoneModel.CogganHeartRate, current?.LactateThresholdHeartRateBpm),
        profile?.Bike,
        WeeklyAvailability.From(profile?.WeeklyAvailabilityHours),
        history.Select(ThresholdPeriodResponse.From).ToList(),
        profile?.UpdatedAt.AsUtcOffset());
}

/// <summary>A zone in watts or bpm; <see cref="Max"/> is null for the open top zone.</summary>
public sealed record ZoneRange(int Zone, string Name, double Min, double? Max)
{
    public static IReadOnlyList<ZoneRange> For(ZoneModel model, double? threshold) => threshold is not { } t
        ? []
        : model.LowerBounds.Select((lower, i) => new ZoneRange(
            i + 1,
            model.ZoneNames[i],
            Math.Round(lower * t),
            i + 1 < model.Count ? Math.Round(model.LowerBounds[i + 1] * t) - 1 : null)).ToList();
}

public sealed record ThresholdPeriodResponse(
    Guid Id,
    DateOnly EffectiveFrom,
    double? FtpWatts,
    double? WeightKg,
    int? LactateThresholdHeartRateBpm,
    int? MaxHeartRateBpm,
    int? RestingHeartRateBpm,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public static ThresholdPeriodResponse From(AthleteThresholdPeriod p) => new(
        p.Id, p.EffectiveFrom, p.FtpWatts, p.WeightKg, p.LactateThresholdHeartRateBpm, p.MaxHeartRateBpm,
        p.RestingHeartRateBpm, p.CreatedBy, p.CreatedAt.AsUtcOffset());
}

/// <summary>
/// What a period starting <see cref="EffectiveFrom"/> would also apply to. The first period that gives a value
/// reaches back to every earlier ride (GoldenCheetah's convention, <c>ThresholdTimeline</c>), so an FTP or LTHR from
/// this date, when no earlier period gives one, applies to the earlier rides too.
/// </summary>
/// <param name="FtpEarlierRides">Rides with power (samples or an average) before the date that an FTP from it would
/// also apply to; null when an earlier period already gives an FTP (the new one then starts on its date).</param>
/// <param name="EarlierFtpWatts">The FTP those rides use now: null when the rider has none yet, else the first FTP,
/// from a later date, reaching back. An FTP equal to it changes nothing.</param>
/// <param name="LthrEarlierRides">Likewise for an LTHR and the rides with heart rate.</param>
/// <param name="EarlierLthrBpm">The LTHR those rides use now.</param>
public sealed record EarlierRidesResponse(DateOnly EffectiveFrom, int? FtpEarlierRides, double? EarlierFtpWatts, int? LthrEarlierRides, int? EarlierLthrBpm);
