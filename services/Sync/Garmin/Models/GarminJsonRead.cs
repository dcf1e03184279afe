using System.Globalization;
using System.Text.Json;

namespace CyclingCoach.Sync.Garmin.Models;

/// <summary>Null-tolerant readers: any Garmin field may be absent, null or of a surprising kind (research §4.6).</summary>
internal static class GarminJsonRead
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.f", "yyyy-MM-dd'T'HH:mm:ss.ff",
        "yyyy-MM-dd'T'HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss.f", "yyyy-MM-dd",
    ];

    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static double? Number(this JsonElement element, string name) =>
        element.Child(name) is { } value ? ToNumber(value) : null;

    public static double? ToNumber(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static long? Long(this JsonElement element, string name) =>
        element.Child(name) is { } value
            ? value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var l) ? l
            : value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s
            : ToNumber(value) is { } d ? (long)d : null
            : null;

    public static int? Int(this JsonElement element, string name) => element.Long(name) is { } l ? (int)l : null;

    public static string? String(this JsonElement element, string name) =>
        element.Child(name) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null
            : null;

    public static bool? Bool(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    /// <summary>Garmin's zone-less date-times (<c>2024-10-24 20:15:00</c>, <c>2026-01-08T08:10:21.0</c>).</summary>
    public static DateTime? DateTimeValue(this JsonElement element, string name) =>
        element.String(name) is { } text
        && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;

    /// <summary>The start as an instant with the ride's own offset when both GMT and local times are known.</summary>
    public static DateTimeOffset? StartTime(JsonElement element, JsonElement? summary = null)
    {
        var source = summary ?? element;
        var gmt = source.DateTimeValue("startTimeGMT") ?? element.DateTimeValue("startTimeGMT");
        var local = source.DateTimeValue("startTimeLocal") ?? element.DateTimeValue("startTimeLocal");
        if (gmt is null && element.Number("beginTimestamp") is { } epochMs)
        {
            gmt = DateTimeOffset.FromUnixTimeMilliseconds((long)epochMs).UtcDateTime;
        }

        if (gmt is null)
        {
            return null;
        }

        var utc = new DateTimeOffset(DateTime.SpecifyKind(gmt.Value, DateTimeKind.Unspecified), TimeSpan.Zero);
        if (local is { } l)
        {
            var offset = l - gmt.Value;
            if (offset.Ticks % TimeSpan.TicksPerMinute == 0 && Math.Abs(offset.TotalHours) <= 14)
            {
                return utc.ToOffset(offset);
            }
        }

        return utc;
    }
}
