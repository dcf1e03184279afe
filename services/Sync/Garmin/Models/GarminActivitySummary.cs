using System.Text.Json;

namespace CyclingCoach.Sync.Garmin.Models;

/// <summary>
/// <c>GET /activity-service/activity/{id}</c>: the nested shape (activityTypeDTO, summaryDTO; research §3.2) with
/// summaryDTO's names, every number nullable, the raw JSON kept.
/// </summary>
public sealed record GarminActivitySummary(
    long? ActivityId,
    string? Name,
    string? TypeKey,
    int? ParentTypeId,
    DateTimeOffset? StartTime,
    string? TimeZone,
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
    double? MaxCadenceRpm,
    double? Calories,
    double? TrainingStressScore,
    double? IntensityFactor,
    double? TrainingEffect,
    JsonElement Raw)
{
    public static GarminActivitySummary From(JsonElement json)
    {
        var summary = json.Child("summaryDTO") ?? json;
        var type = json.Child("activityTypeDTO") ?? json.Child("activityType");
        return new GarminActivitySummary(
            json.Long("activityId"),
            json.String("activityName"),
            type?.String("typeKey"),
            type?.Int("parentTypeId"),
            GarminJsonRead.StartTime(json, summary),
            json.Child("timeZoneUnitDTO")?.String("unitKey"),
            summary.Number("distance"),
            summary.Number("duration"),
            summary.Number("movingDuration"),
            summary.Number("elapsedDuration"),
            summary.Number("elevationGain"),
            summary.Number("elevationLoss"),
            summary.Number("averageSpeed"),
            summary.Number("maxSpeed"),
            summary.Number("averagePower") ?? summary.Number("avgPower"),
            summary.Number("maxPower"),
            summary.Number("normalizedPower") ?? summary.Number("normPower"),
            summary.Number("averageHR"),
            summary.Number("maxHR"),
            summary.Number("averageBikeCadence") ?? summary.Number("averageBikingCadenceInRevPerMinute"),
            summary.Number("maxBikeCadence") ?? summary.Number("maxBikingCadenceInRevPerMinute"),
            summary.Number("calories"),
            summary.Number("trainingStressScore"),
            summary.Number("intensityFactor"),
            summary.Number("trainingEffect") ?? summary.Number("aerobicTrainingEffect"),
            json);
    }
}
