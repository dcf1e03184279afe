using System.Text.Json;

namespace CyclingCoach.Sync.Garmin.Models;

/// <summary>
/// <c>GET /activity-service/activity/{id}/details</c> as streams: a <c>metricsIndex → key</c> map from the
/// descriptors, one nullable column per key. Values are used as sent; <c>factor</c> is NOT applied (they are
/// already SI, research §2). Descriptors with a missing or negative index are skipped; short samples are allowed.
/// </summary>
public sealed record GarminActivityDetails(
    long? ActivityId,
    int? MetricsCount,
    int? TotalMetricsCount,
    IReadOnlyDictionary<int, string> MetricKeys,
    IReadOnlyDictionary<string, double?[]> Streams,
    JsonElement Raw)
{
    public double?[]? Stream(string key) => Streams.TryGetValue(key, out var values) ? values : null;

    public static GarminActivityDetails From(JsonElement json)
    {
        var keys = new Dictionary<int, string>();
        if (json.Child("metricDescriptors") is { ValueKind: JsonValueKind.Array } descriptors)
        {
            foreach (var descriptor in descriptors.EnumerateArray())
            {
                if (descriptor.Int("metricsIndex") is { } index && index >= 0 && descriptor.String("key") is { Length: > 0 } key)
                {
                    keys[index] = key;
                }
            }
        }

        var samples = json.Child("activityDetailMetrics") is { ValueKind: JsonValueKind.Array } metrics
            ? metrics.EnumerateArray().ToList()
            : [];
        var streams = keys.Values.Distinct().ToDictionary(key => key, _ => new double?[samples.Count]);
        // Column → its stream, looked up once: a 3 h ride at full resolution is 10,800 rows × ~20 columns.
        var columns = new double?[]?[keys.Count == 0 ? 0 : keys.Keys.Max() + 1];
        foreach (var (index, key) in keys)
        {
            columns[index] = streams[key];
        }

        for (var row = 0; row < samples.Count; row++)
        {
            if (samples[row].Child("metrics") is not { ValueKind: JsonValueKind.Array } values)
            {
                continue;
            }

            var column = 0;
            foreach (var value in values.EnumerateArray())
            {
                if (column < columns.Length && columns[column] is { } target)
                {
                    target[row] = GarminJsonRead.ToNumber(value);
                }

                column++;
            }
        }

        return new GarminActivityDetails(json.Long("activityId"), json.Int("metricsCount"), json.Int("totalMetricsCount"), keys, streams, json);
    }
}
