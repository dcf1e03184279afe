using System.Text.Json;
using System.Text.Json.Nodes;
using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Garmin.Models;

/// <summary>
/// One day of Garmin wellness from the four answers garth and python-garminconnect read (shapes recorded in garth's
/// cassettes): <c>hrv-service/hrv/{date}</c> (<c>hrvSummary</c>; 204 on a night without HRV),
/// <c>wellness-service/wellness/dailySleepData</c> (<c>dailySleepDTO</c>, whose <c>id</c> is null on a day without
/// sleep), <c>usersummary-service/usersummary/daily</c> (resting HR, body battery, stress) and
/// <c>metrics-service/metrics/trainingreadiness/{date}</c> (a list of the day's updates; <c>[]</c> without data).
/// </summary>
public static class GarminWellness
{
    /// <summary>The parsed day and the raw answers it came from, or null when none of them holds a value.</summary>
    public static (WellnessMetrics Metrics, string Raw)? From(JsonElement? hrv, JsonElement? sleep, JsonElement? summary, JsonElement? readiness)
    {
        var hrvSummary = hrv?.Child("hrvSummary");
        var sleepDto = sleep?.Child("dailySleepDTO") is { } dto && dto.Child("id") is not null ? dto : (JsonElement?)null;
        var morning = MorningReadiness(readiness);
        var metrics = new WellnessMetrics(
            Positive(hrvSummary?.Number("lastNightAvg")),
            Positive(hrvSummary?.Number("weeklyAvg")),
            hrvSummary?.String("status"),
            PositiveInt(sleepDto?.Number("sleepTimeSeconds")),
            ScoreOf(sleepDto?.Child("sleepScores")?.Child("overall")?.Number("value")),
            PositiveInt(summary?.Number("restingHeartRate")),
            ScoreOf(morning?.Number("score")),
            morning?.String("level"),
            ScoreOf(summary?.Number("bodyBatteryAtWakeTime") ?? summary?.Number("bodyBatteryHighestValue")),
            ScoreOf(summary?.Number("averageStressLevel")));
        if (metrics.IsEmpty)
        {
            return null;
        }

        var raw = new JsonObject
        {
            ["hrvSummary"] = Node(hrvSummary),
            ["dailySleepDTO"] = Node(sleepDto),
            ["dailySummary"] = Node(summary),
            ["trainingReadiness"] = Node(morning),
        };
        return (metrics, raw.ToJsonString());
    }

    /// <summary>
    /// The day's readiness as of the morning: the update made on waking (<c>inputContext</c> AFTER_WAKEUP_RESET), else
    /// the earliest one that had a valid sleep, else the earliest. Later updates in the day fall with each workout.
    /// </summary>
    private static JsonElement? MorningReadiness(JsonElement? readiness)
    {
        if (readiness is not { ValueKind: JsonValueKind.Array } list)
        {
            return readiness is { ValueKind: JsonValueKind.Object } single ? single : null;
        }

        var entries = list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && e.Number("score") is not null)
            .OrderBy(e => e.DateTimeValue("timestamp") ?? DateTime.MaxValue)
            .ToList();
        return entries.FirstOrDefault(e => e.String("inputContext") == "AFTER_WAKEUP_RESET") is { ValueKind: JsonValueKind.Object } woke
            ? woke
            : entries.FirstOrDefault(e => e.Bool("validSleep") == true) is { ValueKind: JsonValueKind.Object } slept
                ? slept
                : entries.Count > 0 ? entries[0] : null;
    }

    private static JsonNode? Node(JsonElement? element) => element is { } e ? JsonNode.Parse(e.GetRawText()) : null;

    private static double? Positive(double? value) => value is > 0 and < 1000 ? value : null;

    private static int? PositiveInt(double? value) => value is > 0 ? (int)Math.Round(value.Value) : null;

    /// <summary>0–100; Garmin writes −1 / −2 for "not enough data" in stress and body battery.</summary>
    private static int? ScoreOf(double? value) => value is >= 0 and <= 100 ? (int)Math.Round(value.Value) : null;
}
