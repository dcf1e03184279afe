using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Garmin.Models;

/// <summary>Which activity types are rides: the parentTypeId 2 family, typeId 2 and the configured keys (research §3.1).</summary>
public sealed class GarminActivityTypes(IOptions<GarminOptions> options)
{
    public bool IsCycling(JsonElement activityType)
    {
        var settings = options.Value;
        var typeKey = activityType.String("typeKey");
        var typeId = activityType.Int("typeId");
        var parentTypeId = activityType.Int("parentTypeId");
        return (parentTypeId is { } parent && settings.CyclingParentTypeIds.Contains(parent))
               || (typeId is { } id && settings.CyclingParentTypeIds.Contains(id))
               || (typeKey is not null && settings.CyclingTypeKeys.Contains(typeKey, StringComparer.OrdinalIgnoreCase));
    }
}
