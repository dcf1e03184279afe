using System.Text.Json;

namespace CyclingCoach.Sync.Sources;

/// <summary>
/// One activity as a source lists it, in the source's neutral terms: each adapter reads its own field names into
/// these. Every numeric field is nullable (sources omit them freely); <see cref="Raw"/> is the source's own JSON for the
/// activity, kept beside the parsed data and read by nothing else.
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
    JsonElement Raw)
{
    // What the importer falls back on when neither the file nor the streams give it.
    public double? MovingSeconds { get; init; }

    public double? ElevationGainMeters { get; init; }

    public double? MaxPowerWatts { get; init; }

    public double? MaxHeartRateBpm { get; init; }

    public double? AverageCadenceRpm { get; init; }

    public double? Calories { get; init; }
}

/// <summary>A downloaded original file; <see cref="FileName"/> is the source's name and never reaches the file system.</summary>
public sealed record SourceFile(string FileName, string ContentType, byte[] Content);
