using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Sources;

namespace CyclingCoach.Sync.IntervalsIcu;

/// <summary>
/// intervals.icu wellness: <c>GET /api/v1/athlete/{id}/wellness?oldest&amp;newest</c> (inclusive dates) answers one
/// record per day it has, <c>id</c> being the date. Read: <c>hrv</c> (rMSSD, ms), <c>sleepSecs</c>, <c>sleepScore</c>,
/// <c>restingHR</c>, <c>readiness</c>. Its <c>stress</c> is the rider's own 1–4 rating, not Garmin's 0–100, so it is
/// not mapped to <see cref="WellnessMetrics.StressLevel"/>. Same auth and 429 handling as the activities.
/// </summary>
public sealed partial class IntervalsIcuSource : IWellnessSource
{
    public async IAsyncEnumerable<SourceWellnessDay> ListWellnessAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var c = await RequireAsync(cancellationToken);
        var url = string.Create(CultureInfo.InvariantCulture, $"api/v1/athlete/{Uri.EscapeDataString(c.AthleteId)}/wellness?oldest={from:yyyy-MM-dd}&newest={to:yyyy-MM-dd}");
        using var response = await SendAsync(c, url, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new IntervalsIcuException("intervals.icu returned a wellness list that is not a JSON array.");
        }

        var days = new List<SourceWellnessDay>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (ParseWellness(item) is { } day && day.Date >= from && day.Date <= to)
            {
                days.Add(day);
            }
        }

        foreach (var day in days.OrderBy(d => d.Date))
        {
            yield return day;
        }
    }

    public static SourceWellnessDay? ParseWellness(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !DateOnly.TryParseExact(String(item, "id"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        static int? Whole(double? value, double max) => value is > 0 && value <= max ? (int)Math.Round(value.Value) : null;
        var metrics = new WellnessMetrics(
            HrvMs: Number(item, "hrv") is > 0 and < 1000 and var hrv ? hrv : null,
            SleepSeconds: Whole(Number(item, "sleepSecs"), 24 * 3600),
            SleepScore: Whole(Number(item, "sleepScore"), 100),
            RestingHeartRateBpm: Whole(Number(item, "restingHR"), 250),
            TrainingReadiness: Whole(Number(item, "readiness"), 100));
        if (metrics.IsEmpty)
        {
            return null;
        }

        var raw = JsonNode.Parse(item.GetRawText())!.AsObject();
        return new SourceWellnessDay(date, metrics, raw.ToJsonString());
    }
}
