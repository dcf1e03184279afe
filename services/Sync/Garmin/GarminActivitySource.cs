using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Garmin.Client;
using CyclingCoach.Sync.Garmin.Models;
using CyclingCoach.Sync.Import;
using CyclingCoach.Sync.Model;
using CyclingCoach.Sync.Sources;
using CyclingCoach.Training.Science;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Garmin;

/// <summary>
/// Garmin Connect as an <see cref="IActivitySource"/>: the paged list, the original FIT zip (else the details and
/// splits resampled to 1 Hz) and the athlete's settings.
/// </summary>
public sealed class GarminActivitySource(
    GarminApiClient api,
    GarminSession session,
    GarminActivityTypes types,
    IOptions<GarminOptions> options,
    TimeProvider time,
    ILogger<GarminActivitySource> logger) : IActivitySource
{
    public WorkoutSource Source => WorkoutSource.Garmin;

    public async Task<string?> GetUnavailableReasonAsync(CancellationToken cancellationToken)
    {
        var (token, state) = await session.SnapshotAsync(cancellationToken);
        if (session.ActiveCooldown(GarminCooldown.ApiScope) is { } until)
        {
            return $"Garmin is cooling down after a 429 until {until:O}.";
        }

        if (token is null)
        {
            return state.NeedsReauth
                ? $"Garmin needs a new connection: {state.LastError}"
                : "Garmin is not connected.";
        }

        return null;
    }

    /// <summary>
    /// Pages newest first with <c>start</c>/<c>limit</c> and a date window (Garmin filters on the local start date, so
    /// the window is widened by a day each side and trimmed on the exact instant). Stops at an empty or short page,
    /// or at <c>Garmin:MaxPages</c>.
    /// </summary>
    public async IAsyncEnumerable<SourceActivity> ListActivitiesAsync(
        DateTimeOffset from, DateTimeOffset to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var limit = Math.Clamp(settings.PageSize, 1, 1000);
        var startDate = DateOnly.FromDateTime(from.UtcDateTime.AddDays(-1));
        var endDate = DateOnly.FromDateTime(to.UtcDateTime.AddDays(1));
        for (var page = 0; page < settings.MaxPages; page++)
        {
            var items = await api.ListActivitiesAsync(page * limit, limit, startDate, endDate, cancellationToken);
            foreach (var item in items)
            {
                var activity = ToSourceActivity(item);
                if (activity is not null && activity.StartTime >= from && activity.StartTime < to)
                {
                    yield return activity;
                }
            }

            if (items.Count < limit)
            {
                yield break;
            }
        }

        logger.LogWarning("Garmin activity list stopped at the page cap ({MaxPages} pages of {Limit})", settings.MaxPages, limit);
    }

    public async Task<SourceFile?> DownloadOriginalAsync(SourceActivity activity, CancellationToken cancellationToken)
    {
        if (!long.TryParse(activity.SourceActivityId, out var id))
        {
            return null;
        }

        var download = await api.DownloadOriginalAsync(id, cancellationToken);
        return download is null ? null : new SourceFile(download.FileName, download.ContentType, download.Content);
    }

    /// <summary>
    /// No original (download-service 204/404: manual entries, some third-party uploads): the details at
    /// <c>Garmin:DetailsMaxChartSize</c> → 1 Hz (<see cref="GarminDetailsStreams"/>), laps from the splits (a splits
    /// failure only loses the laps), and Garmin's own NP, max power and TSS from the list item for the mismatch check.
    /// </summary>
    public async Task<SourceStreams?> DownloadStreamsAsync(SourceActivity activity, CancellationToken cancellationToken)
    {
        if (!long.TryParse(activity.SourceActivityId, out var id)
            || await api.GetActivityDetailsAsync(id, options.Value.DetailsMaxChartSize, 1, cancellationToken) is not { } details)
        {
            return null;
        }

        var streams = GarminDetailsStreams.ToRideStreams(details, activity.StartTime);
        if (streams.Length == 0)
        {
            return null;
        }

        GarminActivitySplits? splits = null;
        try
        {
            splits = await api.GetActivitySplitsAsync(id, cancellationToken);
        }
        catch (GarminUpstreamException e)
        {
            logger.LogWarning(e, "Garmin splits of {ActivityId} failed; the ride is stored without laps", id);
        }

        var raw = activity.Raw;
        var device = new DeviceSessionValues(raw.Number("normPower"), raw.Number("maxPower"), raw.Number("trainingStressScore"), null);
        return new SourceStreams(
            StreamSources.GarminDetails,
            streams,
            WorkoutLaps.From(GarminDetailsStreams.Laps(splits), streams.StartUtc),
            device is { NormalizedPowerWatts: null, MaxPowerWatts: null, TrainingStressScore: null } ? null : device);
    }

    /// <summary>Weight (grams → kg) and LTHR from user-settings, the latest cycling FTP, HR zones (CYCLING, else DEFAULT).</summary>
    public async Task<AthleteSettingsImported?> GetAthleteSettingsAsync(CancellationToken cancellationToken)
    {
        var settings = await api.GetUserSettingsAsync(cancellationToken);
        var ftp = await api.GetLatestCyclingFtpAsync(cancellationToken);
        var zones = await api.GetHeartRateZonesAsync(cancellationToken);

        var userData = settings?.Child("userData");
        double? weightKg = userData?.Number("weight") is { } grams && grams > 0 ? Math.Round(grams / 1000.0, 3) : null;
        var ftpWatts = ftp?.Number("functionalThresholdPower");
        var zone = PickZone(zones);
        int? lthr = zone?.Int("lactateThresholdHeartRateUsed") ?? userData?.Int("lactateThresholdHeartRate");
        IReadOnlyList<int>? floors = zone is { } z
            ? Enumerable.Range(1, 5).Select(i => z.Int($"zone{i}Floor")).Where(f => f is not null).Select(f => f!.Value).ToList()
            : null;

        if (settings is null && ftp is null && zones is null)
        {
            return null;
        }

        return new AthleteSettingsImported(
            WorkoutSource.Garmin,
            ftpWatts,
            weightKg,
            zone?.Int("maxHeartRateUsed"),
            zone?.Int("restingHeartRateUsed"),
            lthr,
            floors is { Count: > 0 } ? floors : null,
            time.GetUtcNow());
    }

    public SourceActivity? ToSourceActivity(JsonElement item)
    {
        var id = item.Long("activityId");
        var start = GarminJsonRead.StartTime(item);
        if (id is null || start is null)
        {
            return null;
        }

        var type = item.Child("activityType") ?? item.Child("activityTypeDTO");
        return new SourceActivity(
            id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            item.String("activityName"),
            type?.String("typeKey"),
            type is { } t && types.IsCycling(t),
            start.Value,
            item.Number("duration"),
            item.Number("distance"),
            item.Number("avgPower") ?? item.Number("averagePower"),
            item.Number("averageHR"),
            item)
        {
            MovingSeconds = item.Number("movingDuration"),
            ElevationGainMeters = item.Number("elevationGain"),
            MaxPowerWatts = item.Number("maxPower"),
            MaxHeartRateBpm = item.Number("maxHR"),
            AverageCadenceRpm = item.Number("averageBikingCadenceInRevPerMinute"),
            Calories = item.Number("calories"),
        };
    }

    private static JsonElement? PickZone(JsonElement? zones)
    {
        if (zones is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        JsonElement? fallback = null;
        foreach (var zone in array.EnumerateArray())
        {
            var sport = zone.String("sport");
            if (string.Equals(sport, "CYCLING", StringComparison.OrdinalIgnoreCase))
            {
                return zone;
            }

            if (string.Equals(sport, "DEFAULT", StringComparison.OrdinalIgnoreCase))
            {
                fallback = zone;
            }
        }

        return fallback;
    }
}
