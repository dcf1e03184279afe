namespace CyclingCoach.Training.Model;

/// <summary>
/// One recorded or planned point, as read from FIT, GPX or TCX. Missing values are <see cref="double.NaN"/>
/// (never 0), so a struct array stays compact and a missing channel is distinguishable from a zero reading.
/// SI units: degrees, metres, m/s, watts, bpm, rpm, °C.
/// </summary>
public readonly record struct TrackPoint(
    DateTime? TimeUtc,
    double Latitude,
    double Longitude,
    double ElevationMeters,
    double DistanceMeters,
    double SpeedMps,
    double PowerWatts,
    double HeartRateBpm,
    double CadenceRpm,
    double TemperatureCelsius)
{
    public static TrackPoint At(double latitude, double longitude, double elevationMeters = double.NaN, DateTime? timeUtc = null) =>
        new(timeUtc, latitude, longitude, elevationMeters, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    public bool HasPosition => !double.IsNaN(Latitude) && !double.IsNaN(Longitude);
    public bool HasElevation => !double.IsNaN(ElevationMeters);
}
