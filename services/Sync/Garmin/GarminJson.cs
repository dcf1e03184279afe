using System.Text.Json;

namespace CyclingCoach.Sync.Garmin;

internal static class GarminJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
