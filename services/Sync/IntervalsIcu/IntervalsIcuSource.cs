using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Model;
using CyclingCoach.Sync.Sources;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.IntervalsIcu;

/// <summary>
/// intervals.icu as an <see cref="IActivitySource"/>: Basic auth (user <c>API_KEY</c>, password the key),
/// <c>GET /api/v1/athlete/{id}/activities?oldest&amp;newest</c> (inclusive dates) and
/// <c>GET /api/v1/activity/{id}/file</c> (the original, usually gzip'd FIT — the pipeline unwraps it; without one,
/// <c>GET /api/v1/activity/{id}/streams?types=…</c> resampled to 1 Hz by <see cref="IntervalsIcuStreams"/>). A 429 is waited
/// out per Retry-After (bounded); a 401/403 fails the run with a reason.
/// </summary>
public sealed partial class IntervalsIcuSource(
    HttpClient http,
    IntervalsIcuCredentials credentials,
    IOptions<IntervalsIcuOptions> options,
    TimeProvider time,
    ILogger<IntervalsIcuSource> logger) : IActivitySource
{
    public const string HttpClientName = "intervals-icu";

    private static readonly HashSet<string> CyclingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ride", "VirtualRide", "MountainBikeRide", "GravelRide", "EBikeRide", "EMountainBikeRide", "TrackRide", "Velomobile", "Handcycle",
    };

    public WorkoutSource Source => WorkoutSource.IntervalsIcu;

    public async Task<string?> GetUnavailableReasonAsync(CancellationToken cancellationToken) =>
        await credentials.GetAsync(cancellationToken) is null
            ? "intervals.icu is not connected: set IntervalsIcu:ApiKey and IntervalsIcu:AthleteId, or PUT /api/sync/intervals."
            : null;

    public async IAsyncEnumerable<SourceActivity> ListActivitiesAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var c = await RequireAsync(cancellationToken);
        var oldest = from.UtcDateTime.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var newest = to.UtcDateTime.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var url = $"api/v1/athlete/{Uri.EscapeDataString(c.AthleteId)}/activities?oldest={oldest}&newest={newest}";
        using var response = await SendAsync(c, url, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new IntervalsIcuException("intervals.icu returned an activity list that is not a JSON array.");
        }

        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (Parse(item) is { } activity && activity.StartTime >= from && activity.StartTime < to)
            {
                yield return activity;
            }
        }
    }

    public async Task<SourceFile?> DownloadOriginalAsync(SourceActivity activity, CancellationToken cancellationToken)
    {
        var c = await RequireAsync(cancellationToken);
        using var response = await SendAsync(c, $"api/v1/activity/{Uri.EscapeDataString(activity.SourceActivityId)}/file", cancellationToken, allowNotFound: true);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NoContent)
        {
            return null;
        }

        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return content.Length == 0 ? null : new SourceFile($"{activity.SourceActivityId}.fit", response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream", content);
    }

    /// <summary>The activity's streams when it has no file; null when intervals.icu has none (Strava stubs: an empty array or 404).</summary>
    public async Task<SourceStreams?> DownloadStreamsAsync(SourceActivity activity, CancellationToken cancellationToken)
    {
        var c = await RequireAsync(cancellationToken);
        using var response = await SendAsync(c, $"api/v1/activity/{Uri.EscapeDataString(activity.SourceActivityId)}/streams?types={IntervalsIcuStreams.Types}",
            cancellationToken, allowNotFound: true);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NoContent)
        {
            return null;
        }

        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (content.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(content);
        var streams = IntervalsIcuStreams.ToRideStreams(document.RootElement, activity.StartTime);
        return streams.Length == 0 ? null : new SourceStreams(StreamSources.IntervalsStreams, streams, null, null);
    }

    public async Task<AthleteSettingsImported?> GetAthleteSettingsAsync(CancellationToken cancellationToken)
    {
        var c = await RequireAsync(cancellationToken);
        using var response = await SendAsync(c, $"api/v1/athlete/{Uri.EscapeDataString(c.AthleteId)}", cancellationToken, allowNotFound: true);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        var athlete = document.RootElement;
        if (athlete.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement? ride = null;
        if (athlete.TryGetProperty("sportSettings", out var sports) && sports.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in sports.EnumerateArray())
            {
                if (s.TryGetProperty("types", out var types) && types.ValueKind == JsonValueKind.Array
                    && types.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && CyclingTypes.Contains(t.GetString()!)))
                {
                    ride = s;
                    break;
                }
            }
        }

        IReadOnlyList<int>? zones = null;
        if (ride is { } r && r.TryGetProperty("hr_zones", out var hz) && hz.ValueKind == JsonValueKind.Array)
        {
            zones = hz.EnumerateArray().Where(z => z.ValueKind == JsonValueKind.Number).Select(z => (int)z.GetDouble()).ToList();
        }

        var settings = new AthleteSettingsImported(
            WorkoutSource.IntervalsIcu,
            ride is { } r1 ? Number(r1, "ftp") : null,
            Number(athlete, "icu_weight") ?? Number(athlete, "weight"),
            ride is { } r2 ? (int?)Number(r2, "max_hr") : null,
            (int?)Number(athlete, "icu_resting_hr"),
            ride is { } r3 ? (int?)Number(r3, "lthr") : null,
            zones,
            time.GetUtcNow());
        return settings;
    }

    private async Task<IntervalsIcuCredentials.Credentials> RequireAsync(CancellationToken cancellationToken) =>
        await credentials.GetAsync(cancellationToken)
        ?? throw new IntervalsIcuException("intervals.icu is not connected: set IntervalsIcu:ApiKey and IntervalsIcu:AthleteId, or PUT /api/sync/intervals.");

    private async Task<HttpResponseMessage> SendAsync(IntervalsIcuCredentials.Credentials c, string path, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        var o = options.Value;
        var baseUri = new Uri(o.BaseUrl.TrimEnd('/') + "/");
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"API_KEY:{c.ApiKey}")));
            request.Headers.Accept.ParseAdd("application/json, */*;q=0.5");
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
            {
                return response;
            }

            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < o.MaxRateLimitRetries)
            {
                var wait = RetryAfter(response) ?? TimeSpan.FromSeconds(Math.Pow(2, attempt));
                response.Dispose();
                if (wait > TimeSpan.FromSeconds(o.MaxRetryAfterSeconds))
                {
                    throw new IntervalsIcuException($"intervals.icu is rate limiting (429, retry after {wait.TotalSeconds:0} s).", status);
                }

                logger.LogInformation("intervals.icu rate limited {Path}; waiting {Seconds:0.#} s", path.Split('?')[0], wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }

            response.Dispose();
            throw status switch
            {
                401 or 403 => new IntervalsIcuException($"intervals.icu rejected the API key or athlete id ({status}); update them with PUT /api/sync/intervals.", status),
                429 => new IntervalsIcuException("intervals.icu is still rate limiting (429) after retries.", status),
                _ => new IntervalsIcuException($"intervals.icu answered {status} for {path.Split('?')[0]}.", status),
            };
        }
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retry)
        {
            if (retry.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retry.Date is { } date)
            {
                var d = date - DateTimeOffset.UtcNow;
                return d < TimeSpan.Zero ? TimeSpan.Zero : d;
            }
        }

        return null;
    }

    /// <summary>One list item → SourceActivity; items without id or start are skipped (intervals.icu lists Strava stubs like that).</summary>
    public static SourceActivity? Parse(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || String(item, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        DateTimeOffset start;
        if (String(item, "start_date") is { } utc && DateTimeOffset.TryParse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var u))
        {
            start = u;
            if (String(item, "start_date_local") is { } local && DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var l))
            {
                var offset = TimeSpan.FromMinutes(Math.Round((DateTime.SpecifyKind(l, DateTimeKind.Utc) - u.UtcDateTime).TotalMinutes / 15) * 15);
                if (offset.Duration() <= TimeSpan.FromHours(14))
                {
                    start = u.ToOffset(offset);
                }
            }
        }
        else if (String(item, "start_date_local") is { } local && DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var l))
        {
            start = new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Utc));
        }
        else
        {
            return null;
        }

        var type = String(item, "type");
        return new SourceActivity(
            id,
            String(item, "name"),
            type,
            type is not null && CyclingTypes.Contains(type),
            start,
            Number(item, "elapsed_time") ?? Number(item, "moving_time"),
            Number(item, "distance"),
            Number(item, "icu_average_watts") ?? Number(item, "average_watts"),
            Number(item, "average_heartrate"),
            item.Clone())
        {
            MovingSeconds = Number(item, "moving_time"),
            ElevationGainMeters = Number(item, "total_elevation_gain"),
            MaxPowerWatts = Number(item, "icu_pm_p_max"),
            MaxHeartRateBpm = Number(item, "max_heartrate"),
            AverageCadenceRpm = Number(item, "average_cadence"),
            Calories = Number(item, "calories"),
        };
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
}
