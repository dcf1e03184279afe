using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Bench.Readers;

/// <summary>
/// The benchmark's "same work" on both sides (see gpx_peer.py): for every track segment and route, 2-D haversine
/// distance between consecutive points (R = 6,378,137 m, as gpxpy.geo) and ascent as the sum of positive elevation
/// steps between consecutive points that both have an elevation. No smoothing on either side.
/// </summary>
internal static class GpxDistanceAscent
{
    private const double EarthRadius = 6378137.0;
    private const double Rad = Math.PI / 180.0;

    public static (double Distance, double Ascent, int Points) Compute(GpxDocument doc)
    {
        double distance = 0, ascent = 0;
        var points = 0;
        foreach (var track in doc.Tracks)
        {
            foreach (var segment in track.Segments)
            {
                Walk(segment.Points, ref distance, ref ascent, ref points);
            }
        }
        foreach (var route in doc.Routes)
        {
            Walk(route.Points, ref distance, ref ascent, ref points);
        }
        return (distance, ascent, points);
    }

    private static void Walk(IReadOnlyList<TrackPoint> pts, ref double distance, ref double ascent, ref int points)
    {
        points += pts.Count;
        for (var i = 1; i < pts.Count; i++)
        {
            var a = pts[i - 1];
            var b = pts[i];
            distance += Haversine(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
            if (a.HasElevation && b.HasElevation && b.ElevationMeters > a.ElevationMeters)
            {
                ascent += b.ElevationMeters - a.ElevationMeters;
            }
        }
    }

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = (lat1 - lat2) * Rad;
        var dLon = (lon1 - lon2) * Rad;
        var sLat = Math.Sin(dLat / 2);
        var sLon = Math.Sin(dLon / 2);
        var h = sLat * sLat + sLon * sLon * Math.Cos(lat1 * Rad) * Math.Cos(lat2 * Rad);
        return EarthRadius * 2 * Math.Atan2(Math.Sqrt(h), Math.Sqrt(1 - h));
    }
}
