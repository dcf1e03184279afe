namespace CyclingCoach.Training.Routes;

/// <summary>Great-circle distance on a spherical Earth (haversine, mean radius 6 371 008.8 m).</summary>
public static class GeoMath
{
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Distance in metres between two WGS84 positions given in degrees.</summary>
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        const double toRad = Math.PI / 180.0;
        var dLat = (lat2 - lat1) * toRad;
        var dLon = (lon2 - lon1) * toRad;
        var s1 = Math.Sin(dLat * 0.5);
        var s2 = Math.Sin(dLon * 0.5);
        var a = (s1 * s1) + (Math.Cos(lat1 * toRad) * Math.Cos(lat2 * toRad) * s2 * s2);
        return 2.0 * EarthRadiusMeters * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
    }
}
