using System.Text.Json;

namespace CyclingCoach.Sync.Garmin.Models;

/// <summary><c>GET /activity-service/activity/{id}/splits</c>: laps (lapDTOs) with nullable numbers; raw kept.</summary>
public sealed record GarminActivitySplits(long? ActivityId, IReadOnlyList<GarminLap> Laps, JsonElement Raw)
{
    public static GarminActivitySplits From(JsonElement json)
    {
        var laps = json.Child("lapDTOs") is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Select(GarminLap.From).ToList()
            : [];
        return new GarminActivitySplits(json.Long("activityId"), laps, json);
    }
}

public sealed record GarminLap(
    int? LapIndex,
    DateTimeOffset? StartTime,
    double? DistanceMeters,
    double? DurationSeconds,
    double? MovingDurationSeconds,
    double? ElapsedDurationSeconds,
    double? ElevationGainMeters,
    double? ElevationLossMeters,
    double? AverageSpeedMetersPerSecond,
    double? MaxSpeedMetersPerSecond,
    double? AveragePowerWatts,
    double? MaxPowerWatts,
    double? NormalizedPowerWatts,
    double? AverageHeartRateBpm,
    double? MaxHeartRateBpm,
    double? AverageCadenceRpm,
    string? IntensityType)
{
    public static GarminLap From(JsonElement lap) => new(
        lap.Int("lapIndex"),
        lap.DateTimeValue("startTimeGMT") is { } start ? new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Unspecified), TimeSpan.Zero) : null,
        lap.Number("distance"),
        lap.Number("duration"),
        lap.Number("movingDuration"),
        lap.Number("elapsedDuration"),
        lap.Number("elevationGain"),
        lap.Number("elevationLoss"),
        lap.Number("averageSpeed"),
        lap.Number("maxSpeed"),
        lap.Number("averagePower"),
        lap.Number("maxPower"),
        lap.Number("normalizedPower"),
        lap.Number("averageHR"),
        lap.Number("maxHR"),
        lap.Number("averageBikeCadence") ?? lap.Number("averageBikingCadenceInRevPerMinute"),
        lap.String("intensityType"));
}
