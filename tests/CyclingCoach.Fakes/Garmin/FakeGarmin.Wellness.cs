using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CyclingCoach.Fakes.Garmin;

/// <summary>
/// Garmin's wellness endpoints, answering in the shapes garth's cassettes recorded (<see cref="GarminWellnessRecordings"/>):
/// a night without HRV is a 204 with no body, a day without sleep a <c>dailySleepDTO</c> whose <c>id</c> is null, a day
/// Garmin knows nothing of a 404 daily summary and <c>[]</c> readiness, stress −2 for "not enough data". The sleep and
/// summary paths must name the social profile's displayName. <see cref="WellnessRateLimitAfter"/> answers Cloudflare's
/// 429 once that many wellness requests were served.
/// </summary>
public sealed partial class FakeGarmin
{
    public const string DisplayName = "anonymous";

    /// <summary>One day as the tests set it; null values are what the watch did not record.</summary>
    public sealed record WellnessDay(
        double? HrvMs = null, int? SleepSeconds = null, int? SleepScore = null, int? RestingHr = null,
        int? Readiness = null, int? BodyBatteryAtWake = null, int? Stress = null);

    public ConcurrentDictionary<DateOnly, WellnessDay> Wellness { get; } = new();

    /// <summary>The last <paramref name="days"/> days up to today (UTC) recorded by a watch, as a rider's would vary
    /// (HRV 50–64 ms, 6.5–8 h of sleep, resting HR 48–51), except every seventh day back, which has nothing (the watch
    /// was charging): for runs outside the tests (the process's <c>--wellness-days</c>).</summary>
    public void AddWellnessDays(int days)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var back = 0; back < days; back++)
        {
            if (back % 7 == 6)
            {
                continue;
            }

            Wellness[today.AddDays(-back)] = new WellnessDay(
                HrvMs: 57 + (7 * Math.Sin(back * 0.9)),
                SleepSeconds: (int)((7.25 + (0.75 * Math.Cos(back * 1.3))) * 3600),
                SleepScore: 72 + (back * 5 % 17),
                RestingHr: 48 + (back % 4),
                Readiness: 55 + (back * 7 % 30),
                BodyBatteryAtWake: 60 + (back * 3 % 30),
                Stress: 25 + (back * 2 % 15));
        }
    }

    /// <summary>Null: never; otherwise every wellness request after this many answers 429.</summary>
    public int? WellnessRateLimitAfter { get; set; }

    private int wellnessRequests;
    private int wellnessRateLimited;

    public int WellnessRequests => Volatile.Read(ref wellnessRequests);
    public int WellnessRateLimited => Volatile.Read(ref wellnessRateLimited);

    private void MapWellness(RouteGroupBuilder api)
    {
        api.MapGet("/hrv-service/hrv/{date}", (string date) => Serve(date, null, day => day?.HrvMs is { } hrv
            ? Results.Content(GarminWellnessRecordings.Hrv(date, hrv), "application/json")
            : Results.NoContent()));
        api.MapGet("/wellness-service/wellness/dailySleepData/{displayName}", (string displayName, string? date) =>
            Serve(date, displayName, day => Results.Content(GarminWellnessRecordings.Sleep(date!, day?.SleepSeconds, day?.SleepScore), "application/json")));
        api.MapGet("/usersummary-service/usersummary/daily/{displayName}", (string displayName, string? calendarDate) =>
            Serve(calendarDate, displayName, day => day is null
                ? Results.Json(new { error = "NotFoundException" }, statusCode: 404)
                : Results.Content(GarminWellnessRecordings.DailySummary(calendarDate!, day.RestingHr, day.BodyBatteryAtWake, day.Stress), "application/json")));
        api.MapGet("/metrics-service/metrics/trainingreadiness/{date}", (string date) =>
            Serve(date, null, day => Results.Content(GarminWellnessRecordings.TrainingReadiness(date, day?.Readiness), "application/json")));
    }

    /// <summary>Counts, rate-limits, checks the date and displayName, then answers for the day (null: Garmin knows nothing of it).</summary>
    private IResult Serve(string? date, string? displayName, Func<WellnessDay?, IResult> answer)
    {
        var served = Interlocked.Increment(ref wellnessRequests);
        if (WellnessRateLimitAfter is { } limit && served > limit)
        {
            Interlocked.Increment(ref wellnessRateLimited);
            return Results.Content(CloudflareHtml, "text/html", Encoding.UTF8, 429);
        }

        if (displayName is not null && displayName != DisplayName)
        {
            return Results.Json(new { message = "Only owner allowed", error = "UnauthorizedException" }, statusCode: 403);
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Results.Json(new { message = "date is required", error = "IllegalArgumentException" }, statusCode: 400);
        }

        return answer(Wellness.TryGetValue(day, out var value) ? value : null);
    }
}

/// <summary>
/// Garmin's wellness answers as garth recorded them (tests/data/cassettes: test_hrv_data_get, test_sleep_data_get,
/// test_daily_summary_get, test_training_readiness_data_get), trimmed of the per-reading arrays, with the values a
/// test sets written into the recorded body.
/// </summary>
public static class GarminWellnessRecordings
{
    public const string HrvBody = """
        {"userProfilePk": 2591602, "hrvSummary": {"calendarDate": "2023-07-20", "weeklyAvg": 39, "lastNightAvg": 42, "lastNight5MinHigh": 66,
         "baseline": {"lowUpper": 36, "balancedLow": 39, "balancedUpper": 52, "markerValue": 0.25}, "status": "BALANCED",
         "feedbackPhrase": "HRV_BALANCED_7", "createTimeStamp": "2023-07-20T12:14:11.898"},
         "hrvReadings": [{"hrvValue": 54, "readingTimeGMT": "2023-07-20T05:29:48.0", "readingTimeLocal": "2023-07-19T23:29:48.0"},
          {"hrvValue": 56, "readingTimeGMT": "2023-07-20T05:34:48.0", "readingTimeLocal": "2023-07-19T23:34:48.0"}],
         "startTimestampGMT": "2023-07-20T05:25:00.0", "endTimestampGMT": "2023-07-20T12:09:48.0", "startTimestampLocal": "2023-07-19T23:25:00.0",
         "endTimestampLocal": "2023-07-20T06:09:48.0", "sleepStartTimestampGMT": "2023-07-20T05:25:00.0", "sleepEndTimestampGMT": "2023-07-20T12:11:00.0",
         "sleepStartTimestampLocal": "2023-07-19T23:25:00.0", "sleepEndTimestampLocal": "2023-07-20T06:11:00.0"}
        """;

    public const string SleepBody = """
        {"dailySleepDTO": {"id": 1626758400000, "userProfilePK": 2591602, "calendarDate": "2021-07-20", "sleepTimeSeconds": 25740, "napTimeSeconds": 0,
         "sleepWindowConfirmed": true, "sleepWindowConfirmationType": "enhanced_confirmed_final", "sleepStartTimestampGMT": 1626758400000,
         "sleepEndTimestampGMT": 1626785940000, "sleepStartTimestampLocal": 1626740400000, "sleepEndTimestampLocal": 1626767940000,
         "autoSleepStartTimestampGMT": null, "autoSleepEndTimestampGMT": null, "sleepQualityTypePK": null, "sleepResultTypePK": null,
         "unmeasurableSleepSeconds": 0, "deepSleepSeconds": 4440, "lightSleepSeconds": 18720, "remSleepSeconds": 2580, "awakeSleepSeconds": 1800,
         "deviceRemCapable": true, "retro": false, "sleepFromDevice": true, "averageSpO2Value": 92.0, "lowestSpO2Value": 84, "highestSpO2Value": 100,
         "averageSpO2HRSleep": 51.0, "averageRespirationValue": 15.0, "lowestRespirationValue": 8.0, "highestRespirationValue": 18.0, "sleepVersion": 1},
         "sleepMovement": [], "remSleepData": true, "sleepLevels": [],
         "wellnessSpO2SleepSummaryDTO": {"userProfilePk": 2591602, "deviceId": 3329978681, "sleepMeasurementStartGMT": "2021-07-20T05:21:00.0",
          "sleepMeasurementEndGMT": "2021-07-20T12:56:00.0", "averageSPO2": 92.0, "averageSpO2HR": 51.0, "lowestSPO2": 84}}
        """;

    public const string DailySummaryBody = """
        {"userProfileId": 131234790, "totalKilocalories": 2252.0, "activeKilocalories": 99.0, "bmrKilocalories": 2153.0, "totalSteps": 5459,
         "totalDistanceMeters": 4471, "userDailySummaryId": 131277828, "calendarDate": "2025-06-14", "rule": {"typeId": 2, "typeKey": "private"},
         "wellnessStartTimeGmt": "2025-06-13T22:00:00.0", "wellnessStartTimeLocal": "2025-06-14T00:00:00.0", "durationInMilliseconds": 86400000,
         "highlyActiveSeconds": 345, "activeSeconds": 3828, "sedentarySeconds": 53385, "sleepingSeconds": 28842, "includesWellnessData": true,
         "includesActivityData": false, "minHeartRate": 49, "maxHeartRate": 104, "restingHeartRate": 51, "lastSevenDaysAvgRestingHeartRate": 50,
         "source": "GARMIN", "averageStressLevel": 24, "maxStressLevel": 99, "stressQualifier": "BALANCED", "bodyBatteryChargedValue": 60,
         "bodyBatteryDrainedValue": 57, "bodyBatteryHighestValue": 92, "bodyBatteryLowestValue": 32, "bodyBatteryMostRecentValue": 35,
         "bodyBatteryDuringSleep": 65, "bodyBatteryAtWakeTime": 92, "bodyBatteryVersion": 3.0, "averageSpo2": null, "lowestSpo2": null,
         "avgWakingRespirationValue": 14.0, "respirationAlgorithmVersion": 200}
        """;

    /// <summary>The user 2591602 entries of 2025-07-07: a later update of the day (after a workout) falls to 50; the wake-up one is 80.</summary>
    public const string TrainingReadinessBody = """
        [{"userProfilePK": 2591602, "calendarDate": "2025-07-07", "timestamp": "2025-07-08T03:50:17.0", "timestampLocal": "2025-07-07T21:50:17.0",
          "deviceId": 3469703076, "level": "MODERATE", "feedbackLong": "MOD_RT_MOD_SS_GOOD_WORKOUT_COMPLETED", "feedbackShort": "RECOVERY_IN_PROGRESS",
          "score": 50, "sleepScore": 83, "recoveryTime": 2004, "acuteLoad": 583, "hrvFactorPercent": 99, "hrvWeeklyAverage": 42, "validSleep": true,
          "inputContext": "UPDATE_REALTIME_VARIABLES", "primaryActivityTracker": true, "recoveryTimeChangePhrase": null},
         {"userProfilePK": 2591602, "calendarDate": "2025-07-07", "timestamp": "2025-07-07T11:45:17.0", "timestampLocal": "2025-07-07T05:45:17.0",
          "deviceId": 3469703076, "level": "HIGH", "feedbackLong": "HIGH_RT_HIGHEST_SS_AVAILABLE", "feedbackShort": "WELL_RECOVERED", "score": 80,
          "sleepScore": 83, "recoveryTime": 1, "acuteLoad": 351, "hrvFactorPercent": 99, "hrvWeeklyAverage": 42, "validSleep": true,
          "inputContext": "AFTER_WAKEUP_RESET", "primaryActivityTracker": true, "recoveryTimeChangePhrase": "NO_CHANGE_SLEEP"},
         {"userProfilePK": 2591602, "calendarDate": "2025-07-07", "timestamp": "2025-07-07T08:50:17.0", "timestampLocal": "2025-07-07T02:50:17.0",
          "deviceId": 3469703076, "level": "HIGH", "feedbackLong": "HIGH_RT_AVAILABLE_SS_UNKNOWN", "feedbackShort": "WELL_RECOVERED", "score": 75,
          "sleepScore": null, "recoveryTime": 0, "acuteLoad": 420, "hrvFactorPercent": 98, "hrvWeeklyAverage": 43, "validSleep": false,
          "inputContext": "UPDATE_REALTIME_VARIABLES", "primaryActivityTracker": true, "recoveryTimeChangePhrase": null}]
        """;

    public static string Hrv(string date, double lastNightAvg)
    {
        var body = JsonNode.Parse(HrvBody)!;
        body["hrvSummary"]!["calendarDate"] = date;
        body["hrvSummary"]!["lastNightAvg"] = lastNightAvg;
        return body.ToJsonString();
    }

    /// <summary>Without sleep seconds: the DTO Garmin sends for a day without sleep (id and values null).</summary>
    public static string Sleep(string date, int? sleepSeconds, int? sleepScore)
    {
        var body = JsonNode.Parse(SleepBody)!;
        var dto = body["dailySleepDTO"]!.AsObject();
        dto["calendarDate"] = date;
        if (sleepSeconds is null)
        {
            foreach (var key in new[] { "id", "sleepTimeSeconds", "deepSleepSeconds", "lightSleepSeconds", "remSleepSeconds", "awakeSleepSeconds", "sleepStartTimestampGMT", "sleepEndTimestampGMT" })
            {
                dto[key] = null;
            }

            body["wellnessSpO2SleepSummaryDTO"] = null;
            return body.ToJsonString();
        }

        dto["sleepTimeSeconds"] = sleepSeconds;
        if (sleepScore is { } score)
        {
            dto["sleepScores"] = new JsonObject
            {
                ["totalDuration"] = new JsonObject { ["qualifierKey"] = "GOOD", ["optimalStart"] = 28800.0, ["optimalEnd"] = 28800.0 },
                ["overall"] = new JsonObject { ["value"] = score, ["qualifierKey"] = score >= 80 ? "GOOD" : score >= 60 ? "FAIR" : "POOR" },
            };
        }

        return body.ToJsonString();
    }

    /// <summary>Stress and body battery null are written as Garmin's −2 / null.</summary>
    public static string DailySummary(string date, int? restingHr, int? bodyBatteryAtWake, int? stress)
    {
        var body = JsonNode.Parse(DailySummaryBody)!;
        body["calendarDate"] = date;
        body["restingHeartRate"] = restingHr;
        body["bodyBatteryAtWakeTime"] = bodyBatteryAtWake;
        body["bodyBatteryHighestValue"] = bodyBatteryAtWake;
        body["averageStressLevel"] = stress ?? -2;
        return body.ToJsonString();
    }

    /// <summary>The recorded day with the wake-up score set (the later, lower update kept); <c>[]</c> without a score.</summary>
    public static string TrainingReadiness(string date, int? score)
    {
        if (score is null)
        {
            return "[]";
        }

        var body = JsonNode.Parse(TrainingReadinessBody)!.AsArray();
        foreach (var entry in body)
        {
            entry!["calendarDate"] = date;
            if ((string?)entry["inputContext"] == "AFTER_WAKEUP_RESET")
            {
                entry["score"] = score;
            }
        }

        return body.ToJsonString();
    }
}
