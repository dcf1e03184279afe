namespace CyclingCoach.Training.Routes;

/// <summary>The resampled route with its smoothed elevation, classifying grade and sustained grade (fractions; null without elevation).</summary>
internal sealed record PreparedRoute(ResampledRoute Route, double[]? Smoothed, double[]? Grade, double[]? Sustained);
