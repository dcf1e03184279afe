using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyclingCoach.Training.Model;
using CyclingCoach.Training.Readers;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Fakes.Garmin;

/// <summary>
/// Garmin's <c>details</c> and <c>splits</c> of a ride, built from its real FIT file the way Garmin serves them
/// (research §2): the descriptors of the real recorded cycling body (connectstats, 19 metrics, positional), one row of
/// <c>metrics</c> per kept record, values SI and single-precision, <c>null</c> where the record has none. Garmin
/// downsamples to about <c>maxChartSize</c> rows (the real Edge 820 body: 712 rows of 2,085 records, every 3 s), so
/// every n-th record is kept, n = ⌈records / maxChartSize⌉, and the last. <c>sumDuration</c> is the timer (paused
/// time excluded, from the FIT's timer events), <c>sumElapsedDuration</c> the wall time.
/// </summary>
public static class FakeGarminDetails
{
    private static readonly Lazy<JsonArray> Descriptors = new(() =>
        JsonNode.Parse(FakeGarminData.Read("connectstats__activitytrack_1382772474.json"))!["metricDescriptors"]!.AsArray());

    public static int RecordCount(byte[] fit) => Points(Decode(fit)).Count;

    public static string Details(byte[] fit, long activityId, int maxChartSize)
    {
        var decoded = Decode(fit);
        var points = Points(decoded);
        var pauses = PauseInterval.FromFitTimerEvents(decoded.TimerEvents);
        var step = Math.Max(1, (int)Math.Ceiling(points.Count / (double)Math.Max(1, maxChartSize)));
        var keys = Descriptors.Value.ToDictionary(d => (int)d!["metricsIndex"]!, d => (string)d!["key"]!);
        var width = keys.Keys.Max() + 1;
        var start = points[0].TimeUtc!.Value;

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("activityId", activityId);
            json.WriteNumber("measurementCount", keys.Count);
            var rows = Enumerable.Range(0, points.Count).Where(i => i % step == 0 || i == points.Count - 1).ToList();
            json.WriteNumber("metricsCount", rows.Count);
            json.WriteNumber("totalMetricsCount", points.Count);
            json.WritePropertyName("metricDescriptors");
            Descriptors.Value.WriteTo(json);
            json.WriteStartArray("activityDetailMetrics");
            double distance = 0;
            foreach (var i in rows)
            {
                var p = points[i];
                var t = p.TimeUtc!.Value;
                distance = double.IsNaN(p.DistanceMeters) ? distance : p.DistanceMeters;
                json.WriteStartObject();
                json.WriteStartArray("metrics");
                for (var column = 0; column < width; column++)
                {
                    var value = keys.TryGetValue(column, out var key) ? key switch
                    {
                        "sumElapsedDuration" => (t - start).TotalSeconds,
                        "sumDuration" => (t - start).TotalSeconds - Paused(pauses, start, t),
                        "sumDistance" => distance,
                        "directTimestamp" => new DateTimeOffset(t).ToUnixTimeMilliseconds(),
                        "directPower" => p.PowerWatts,
                        "directHeartRate" => p.HeartRateBpm,
                        "directBikeCadence" => p.CadenceRpm,
                        "directSpeed" => p.SpeedMps,
                        "directElevation" => p.ElevationMeters,
                        "directLatitude" => p.Latitude,
                        "directLongitude" => p.Longitude,
                        "directAirTemperature" => p.TemperatureCelsius,
                        _ => double.NaN,
                    } : double.NaN;
                    if (double.IsNaN(value))
                    {
                        json.WriteNullValue();
                    }
                    else if (key is "directTimestamp" or "directLatitude" or "directLongitude")
                    {
                        json.WriteNumberValue(value);
                    }
                    else
                    {
                        json.WriteNumberValue((float)value);
                    }
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNull("geoPolylineDTO");
            json.WriteNull("heartRateDTOs");
            json.WriteBoolean("detailsAvailable", true);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary><c>splits</c>: one lapDTO per FIT lap (gogarmin's field names), plus the empty eventDTOs.</summary>
    public static string Splits(byte[] fit, long activityId)
    {
        var laps = new JsonArray();
        foreach (var (lap, i) in Decode(fit).Activity.Laps.Select((l, i) => (l, i)))
        {
            laps.Add(new JsonObject
            {
                ["startTimeGMT"] = lap.StartTimeUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss.0", CultureInfo.InvariantCulture),
                ["distance"] = Finite(lap.TotalDistanceMeters),
                ["duration"] = Finite(lap.TotalTimerSeconds),
                ["movingDuration"] = Finite(lap.TotalTimerSeconds),
                ["elapsedDuration"] = Finite(lap.TotalElapsedSeconds),
                ["averagePower"] = Finite(lap.AveragePowerWatts),
                ["averageHR"] = Finite(lap.AverageHeartRateBpm),
                ["lapIndex"] = i + 1,
                ["intensityType"] = "ACTIVE",
                ["messageIndex"] = i,
                ["lengthDTOs"] = new JsonArray(),
                ["connectIQMeasurement"] = new JsonArray(),
            });
        }

        return new JsonObject { ["activityId"] = activityId, ["lapDTOs"] = laps, ["eventDTOs"] = new JsonArray() }.ToJsonString();
    }

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;

    private static FitActivity Decode(byte[] fit) =>
        ActivityReader.ReadFile(new MemoryStream(fit, writable: false), "ride.fit").Fit ?? throw new InvalidDataException("Not a FIT activity.");

    /// <summary>The session's timed records, in time order (what Garmin charts).</summary>
    private static List<TrackPoint> Points(FitActivity fit) =>
        ActivityStreams.SessionPoints(fit.Activity).Where(p => p.TimeUtc is not null).OrderBy(p => p.TimeUtc).ToList();

    private static double Paused(IReadOnlyList<PauseInterval> pauses, DateTime start, DateTime t) =>
        pauses.Sum(p => Math.Max(0, (Min(p.EndUtc, t) - Max(p.StartUtc, start)).TotalSeconds));

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
