using System.Text.Json.Nodes;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Fakes.IntervalsIcu;

/// <summary>
/// intervals.icu's <c>activity/{id}/streams?types=…</c> for a FIT file: an array of <c>{ type, name, data, data2 }</c>,
/// one value per record (no resampling: pauses are gaps in <c>time</c>, seconds after the first record),
/// <c>latlng</c> with latitudes in <c>data</c> and longitudes in <c>data2</c>, a channel the file lacks left out, and
/// only the requested <c>types</c> (all when none are given).
/// </summary>
public static class FakeIntervalsIcuStreams
{
    public static string Streams(byte[] fit, string? types)
    {
        var activity = ActivityReader.ReadFile(new MemoryStream(fit, writable: false), "ride.fit").Activity;
        var points = ActivityStreams.SessionPoints(activity).Where(p => p.TimeUtc is not null).OrderBy(p => p.TimeUtc).ToList();
        var wanted = types?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var start = points.Count > 0 ? points[0].TimeUtc!.Value : default;
        var body = new JsonArray();

        void Add(string type, string name, Func<Training.Model.TrackPoint, double> value, Func<Training.Model.TrackPoint, double>? second = null)
        {
            if ((wanted is not null && !wanted.Contains(type)) || !points.Any(p => double.IsFinite(value(p))))
            {
                return;
            }

            var stream = new JsonObject { ["type"] = type, ["name"] = name, ["data"] = Values(value) };
            if (second is not null)
            {
                stream["data2"] = Values(second);
            }

            body.Add(stream);
        }

        JsonArray Values(Func<Training.Model.TrackPoint, double> value) =>
            [.. points.Select(p => value(p) is var v && double.IsFinite(v) ? JsonValue.Create(v) : null)];

        Add("time", "Time", p => Math.Round((p.TimeUtc!.Value - start).TotalSeconds));
        Add("watts", "Power", p => p.PowerWatts);
        Add("heartrate", "Heart Rate", p => p.HeartRateBpm);
        Add("cadence", "Cadence", p => p.CadenceRpm);
        Add("velocity_smooth", "Speed", p => p.SpeedMps);
        Add("altitude", "Altitude", p => p.ElevationMeters);
        Add("distance", "Distance", p => p.DistanceMeters);
        Add("latlng", "Lat/Lng", p => p.Latitude, p => p.Longitude);
        Add("temp", "Temperature", p => p.TemperatureCelsius);
        return body.ToJsonString();
    }
}
