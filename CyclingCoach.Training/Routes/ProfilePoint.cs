namespace CyclingCoach.Training.Routes;

/// <summary>
/// One point of the downsampled elevation profile; elevation and grade are null when the route has none, the position
/// when the route had distances but no positions. Never NaN, so it serialises to JSON as is.
/// </summary>
public readonly record struct ProfilePoint(double DistanceMeters, double? ElevationMeters, double? GradePercent, double? Latitude, double? Longitude);
