using System.Text.Json;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.IntervalsIcu;

/// <summary>
/// <c>GET /api/v1/activity/{id}/streams?types=…</c> → 1 Hz streams. The body is an array of
/// <c>{ "type", "name", "data": [...], "data2": [...] }</c>; <c>time</c> holds seconds after the start per sample
/// (its gaps are the recording's pauses), <c>latlng</c> latitudes in <c>data</c> and longitudes in <c>data2</c> (some
/// answers give <c>[lat, lng]</c> pairs in <c>data</c>; both are read). The samples go through
/// <see cref="RideResampler"/> with the same gap rule as a GPX or TCX file.
/// </summary>
public static class IntervalsIcuStreams
{
    public const string Types = "time,watts,heartrate,cadence,velocity_smooth,altitude,distance,latlng,temp";

    public static RideStreams ToRideStreams(JsonElement body, DateTimeOffset start)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            return RideStreams.Empty;
        }

        var streams = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var stream in body.EnumerateArray())
        {
            if (stream.ValueKind == JsonValueKind.Object && stream.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                streams[type.GetString()!] = stream;
            }
        }

        var time = Numbers(streams, "time");
        var watts = Numbers(streams, "watts");
        var rows = time?.Length ?? watts?.Length ?? Numbers(streams, "heartrate")?.Length ?? 0;
        if (rows == 0)
        {
            return RideStreams.Empty;
        }

        var hr = Numbers(streams, "heartrate");
        var cadence = Numbers(streams, "cadence");
        var speed = Numbers(streams, "velocity_smooth");
        var altitude = Numbers(streams, "altitude");
        var distance = Numbers(streams, "distance");
        var temperature = Numbers(streams, "temp");
        var (lat, lon) = LatLng(streams);

        var points = new TrackPoint[rows];
        for (var i = 0; i < rows; i++)
        {
            var seconds = At(time, i);
            points[i] = new TrackPoint(
                start.UtcDateTime.AddSeconds(double.IsNaN(seconds) ? i : seconds),
                At(lat, i), At(lon, i), At(altitude, i), At(distance, i), At(speed, i), At(watts, i), At(hr, i), At(cadence, i), At(temperature, i));
        }

        return RideResampler.Resample(points);
    }

    private static double At(double[]? values, int i) => values is not null && i < values.Length ? values[i] : double.NaN;

    private static double[]? Numbers(Dictionary<string, JsonElement> streams, string type, string property = "data") =>
        streams.TryGetValue(type, out var stream) && stream.TryGetProperty(property, out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray()
            : null;

    private static (double[]? Lat, double[]? Lon) LatLng(Dictionary<string, JsonElement> streams)
    {
        if (!streams.TryGetValue("latlng", out var stream) || !stream.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return (null, null);
        }

        if (data.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Array))
        {
            var pairs = data.EnumerateArray().ToList();
            static double Part(JsonElement pair, int k) =>
                pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() > k && pair[k].ValueKind == JsonValueKind.Number ? pair[k].GetDouble() : double.NaN;
            return ([.. pairs.Select(p => Part(p, 0))], [.. pairs.Select(p => Part(p, 1))]);
        }

        return (Numbers(streams, "latlng"), Numbers(streams, "latlng", "data2"));
    }
}
