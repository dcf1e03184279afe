using System.Text.Json;

namespace CyclingCoach.Sync.Sources;

/// <summary>
/// One activity as a source lists it. Every numeric field is nullable (sources omit them freely); <see cref="Raw"/>
/// is the source's own JSON for the activity, kept beside the parsed data.
/// </summary>
public sealed record SourceActivity(
    string SourceActivityId,
    string? Name,
    string? ActivityType,
    bool IsCycling,
    DateTimeOffset StartTime,
    double? DurationSeconds,
    double? DistanceMeters,
    double? AveragePowerWatts,
    double? AverageHeartRateBpm,
    JsonElement Raw);

/// <summary>A downloaded original file; <see cref="FileName"/> is the source's name and never reaches the file system.</summary>
public sealed record SourceFile(string FileName, string ContentType, byte[] Content);
