namespace CyclingCoach.Sync.Apis;

/// <summary>
/// 1 Hz streams, or bucket means when <c>maxPoints</c> asks for fewer. <see cref="OffsetSeconds"/> is each point's
/// offset from <see cref="StartTime"/>; an absent channel is null, a missing value inside one is null.
/// </summary>
public sealed record StreamsResponse(
    Guid WorkoutId,
    DateTimeOffset? StartTime,
    int Length,
    int ResolutionSeconds,
    IReadOnlyList<int> OffsetSeconds,
    IReadOnlyList<double?>? Power,
    IReadOnlyList<double?>? HeartRate,
    IReadOnlyList<double?>? Cadence,
    IReadOnlyList<double?>? SpeedMps,
    IReadOnlyList<double?>? AltitudeMeters,
    IReadOnlyList<double?>? DistanceMeters,
    IReadOnlyList<double?>? Latitude,
    IReadOnlyList<double?>? Longitude,
    IReadOnlyList<bool> Moving);
