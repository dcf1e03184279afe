using CyclingCoach.Training.Model;
using CyclingCoach.Training.Routes;

namespace CyclingCoach.Training.Tests.Routes;

/// <summary>Synthetic routes due north along a meridian, so the haversine distance is exactly R·Δφ.</summary>
internal static class RouteBuilder
{
    private const double MetersPerDegree = GeoMath.EarthRadiusMeters * Math.PI / 180;

    /// <summary>Points every <paramref name="step"/> m over <paramref name="length"/> m with elevation f(distance) (NaN = none).</summary>
    public static List<TrackPoint> Line(double length, Func<double, double> elevation, double step = 10, double startLat = 45, double lon = 6)
    {
        var points = new List<TrackPoint>();
        for (var d = 0.0; d < length + 1e-9; d += step)
        {
            points.Add(TrackPoint.At(startLat + (d / MetersPerDegree), lon, elevation(d)));
        }

        if (points.Count > 0 && (points.Count - 1) * step < length - 1e-9)
        {
            points.Add(TrackPoint.At(startLat + (length / MetersPerDegree), lon, elevation(length)));
        }

        return points;
    }

    /// <summary>Piecewise-linear profile from (length m, grade %) legs starting at <paramref name="start"/> m.</summary>
    public static Func<double, double> Legs(double start, params (double Length, double GradePercent)[] legs) => d =>
    {
        var h = start;
        var at = 0.0;
        foreach (var (length, grade) in legs)
        {
            var part = Math.Clamp(d - at, 0, length);
            h += part * grade / 100;
            at += length;
        }

        return h;
    };
}
