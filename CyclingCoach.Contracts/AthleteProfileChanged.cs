namespace CyclingCoach.Contracts;

/// <summary>
/// The rider or the bike changed; Routes re-estimates every route once per <see cref="Version"/>, Sync recomputes the
/// metrics of every ride whose thresholds (the period in effect on the ride's date) changed.
/// </summary>
/// <param name="EffectiveFrom">The date the current thresholds took effect.</param>
/// <param name="Thresholds">Every threshold period, oldest first; a ride uses the last period starting on or before its date.</param>
public record AthleteProfileChanged(
    int Version,
    double? FtpWatts,
    double? WeightKg,
    int? MaxHeartRateBpm,
    int? LactateThresholdHeartRateBpm,
    BikeProfile? Bike,
    DateTimeOffset ChangedAt,
    int? RestingHeartRateBpm = null,
    DateOnly? EffectiveFrom = null,
    IReadOnlyList<ThresholdPeriod>? Thresholds = null);

/// <summary>The thresholds in effect from <see cref="EffectiveFrom"/> until the next period.</summary>
public record ThresholdPeriod(
    DateOnly EffectiveFrom,
    double? FtpWatts,
    int? LactateThresholdHeartRateBpm,
    int? MaxHeartRateBpm,
    int? RestingHeartRateBpm);

public record BikeProfile(
    double MassKg,
    double CdA,
    double Crr,
    double WheelCircumferenceMeters,
    IReadOnlyList<int> Chainrings,
    IReadOnlyList<int> Cassette,
    double MinimumCadenceRpm);
