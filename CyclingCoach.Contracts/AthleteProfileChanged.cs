namespace CyclingCoach.Contracts;

/// <summary>The rider or the bike changed; Routes re-estimates every route once per <see cref="Version"/>.</summary>
public record AthleteProfileChanged(
    int Version,
    double? FtpWatts,
    double? WeightKg,
    int? MaxHeartRateBpm,
    int? LactateThresholdHeartRateBpm,
    BikeProfile? Bike,
    DateTimeOffset ChangedAt);

public record BikeProfile(
    double MassKg,
    double CdA,
    double Crr,
    double WheelCircumferenceMeters,
    IReadOnlyList<int> Chainrings,
    IReadOnlyList<int> Cassette,
    double MinimumCadenceRpm);
