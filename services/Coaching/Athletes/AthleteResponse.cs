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
