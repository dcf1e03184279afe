namespace CyclingCoach.Contracts;

/// <summary>Settings read from a source (Garmin user settings, FTP, HR zones). Coaching decides what to adopt.</summary>
public record AthleteSettingsImported(
    WorkoutSource Source,
    double? FtpWatts,
    double? WeightKg,
    int? MaxHeartRateBpm,
    int? RestingHeartRateBpm,
    int? LactateThresholdHeartRateBpm,
    IReadOnlyList<int>? HeartRateZoneFloorsBpm,
    DateTimeOffset ImportedAt);
