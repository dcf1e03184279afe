using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Sync.Garmin.Http;
using CyclingCoach.Sync.Garmin.Models;

namespace CyclingCoach.Sync.Garmin.Client;

/// <summary>
/// Garmin Connect's API (<c>Garmin:ApiBaseUrl</c>, research §2) with the connection's Bearer token: refreshed before
/// expiry, one refresh and one retry after a 401, a persisted cooldown after a 429, 204 read as "no data".
/// </summary>
public sealed partial class GarminApiClient(HttpClient http, GarminSession session, GarminRetry retry, ILogger<GarminApiClient> logger)
{
    public const string ActivityListPath = "/activitylist-service/activities/search/activities";

    /// <summary>One page of the activity list, newest first (<c>start</c> 0 = newest). Empty at the end.</summary>
    public async Task<IReadOnlyList<JsonElement>> ListActivitiesAsync(
        int start, int limit, DateOnly? startDate, DateOnly? endDate, CancellationToken cancellationToken)
    {
        var query = $"start={start}&limit={limit}";
        if (startDate is { } from)
        {
            query += $"&startDate={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        }

        if (endDate is { } to)
        {
            query += $"&endDate={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        }

        var page = await GetJsonAsync($"{ActivityListPath}?{query}", "activity list", cancellationToken);
        if (page is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        return [.. array.EnumerateArray()];
    }

    public async Task<GarminActivitySummary?> GetActivityAsync(long activityId, CancellationToken cancellationToken) =>
        await GetJsonAsync($"/activity-service/activity/{activityId}", "activity summary", cancellationToken) is { } json
            ? GarminActivitySummary.From(json)
            : null;

    public async Task<GarminActivityDetails?> GetActivityDetailsAsync(
        long activityId, int maxChartSize = 2000, int maxPolylineSize = 4000, CancellationToken cancellationToken = default) =>
        await GetJsonAsync($"/activity-service/activity/{activityId}/details?maxChartSize={maxChartSize}&maxPolylineSize={maxPolylineSize}",
            "activity details", cancellationToken) is { } json
            ? GarminActivityDetails.From(json)
            : null;

    public async Task<GarminActivitySplits?> GetActivitySplitsAsync(long activityId, CancellationToken cancellationToken) =>
        await GetJsonAsync($"/activity-service/activity/{activityId}/splits", "activity splits", cancellationToken) is { } json
            ? GarminActivitySplits.From(json)
            : null;

    public Task<JsonElement?> GetSocialProfileAsync(CancellationToken cancellationToken) =>
        GetJsonAsync("/userprofile-service/socialProfile", "social profile", cancellationToken);

    public Task<JsonElement?> GetUserSettingsAsync(CancellationToken cancellationToken) =>
        GetJsonAsync("/userprofile-service/userprofile/user-settings", "user settings", cancellationToken);

    public Task<JsonElement?> GetLatestCyclingFtpAsync(CancellationToken cancellationToken) =>
        GetJsonAsync("/biometric-service/biometric/latestFunctionalThresholdPower/CYCLING", "cycling FTP", cancellationToken);

    public Task<JsonElement?> GetHeartRateZonesAsync(CancellationToken cancellationToken) =>
        GetJsonAsync("/biometric-service/heartRateZones", "heart rate zones", cancellationToken);

    /// <summary>The original upload as Garmin keeps it: a zip holding <c>{id}_ACTIVITY.fit</c>. Null when there is none.</summary>
    public async Task<GarminDownload?> DownloadOriginalAsync(long activityId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync($"/download-service/files/activity/{activityId}", "original download", "*/*", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response, "original download");
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar
                       ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
                       ?? $"{activityId}.zip";
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/zip";
        return new GarminDownload(fileName, contentType, bytes);
    }

    /// <summary>Validates a token that is not stored yet (import, ticket, login): 401 → null, anything else → the profile.</summary>
    public async Task<JsonElement?> GetSocialProfileWithTokenAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var response = await retry.SendAsync(http, () => Request("/userprofile-service/socialProfile", accessToken, "application/json"),
            "token check", cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return null;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw await session.StartCooldownAsync(GarminCooldown.ApiScope, cancellationToken);
        }

        EnsureSuccess(response, "token check");
        return await ReadJsonAsync(response, cancellationToken) ?? default(JsonElement);
    }

    private async Task<JsonElement?> GetJsonAsync(string path, string operation, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, operation, "application/json", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response, operation);
        return await ReadJsonAsync(response, cancellationToken);
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new GarminUpstreamException("Garmin answered with something that is not JSON.", response.StatusCode, exception);
        }
    }

    /// <summary>Token, rate limit, 5xx backoff, then the 401 rule (one refresh, one retry) and the 429 rule (cooldown).</summary>
    private async Task<HttpResponseMessage> SendAsync(
        string path, string operation, string accept, CancellationToken cancellationToken, HttpMethod? method = null, object? body = null)
    {
        HttpRequestMessage Build(string token)
        {
            var request = Request(path, token, accept, method);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            return request;
        }

        var accessToken = await session.GetAccessTokenAsync(cancellationToken);
        var response = await retry.SendAsync(http, () => Build(accessToken), operation, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            accessToken = await session.RefreshAfterUnauthorizedAsync(accessToken, cancellationToken);
            response = await retry.SendAsync(http, () => Build(accessToken), operation, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                throw await session.MarkReauthRequiredAsync("Garmin rejected the token even after a refresh (Token is not active); connect again.", cancellationToken);
            }
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            response.Dispose();
            throw await session.StartCooldownAsync(GarminCooldown.ApiScope, cancellationToken);
        }

        return response;
    }

    private void EnsureSuccess(HttpResponseMessage response, string operation)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        logger.LogWarning("Garmin {Operation} answered {Status}", operation, (int)response.StatusCode);
        throw new GarminUpstreamException($"Garmin answered {(int)response.StatusCode} to the {operation}.", response.StatusCode);
    }

    private static HttpRequestMessage Request(string path, string accessToken, string accept, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.TryAddWithoutValidation("User-Agent", "GCM-Android-5.23");
        request.Headers.TryAddWithoutValidation("X-Garmin-Client-Platform", "Android");
        request.Headers.TryAddWithoutValidation("X-Lang", "en");
        return request;
    }
}
