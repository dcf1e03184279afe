namespace CyclingCoach.Training.Routes;

/// <summary>One point of the downsampled elevation profile; elevation and grade are null when the route has none.</summary>
public readonly record struct ProfilePoint(double DistanceMeters, double? ElevationMeters, double? GradePercent, double Latitude, double Longitude);
