namespace CyclingCoach.Training.Routes;

/// <summary>A route at a fixed spacing: distance, position and (raw, then smoothed) elevation per sample.</summary>
internal sealed record ResampledRoute(
    double[] Distance,
    double[] Latitude,
    double[] Longitude,
    double[] Elevation,
    bool HasElevation,
    double Spacing)
{
    public int Count => Distance.Length;

    public double Total => Distance.Length == 0 ? 0 : Distance[^1];
}
