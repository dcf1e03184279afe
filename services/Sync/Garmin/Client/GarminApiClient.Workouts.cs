using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CyclingCoach.Sync.Garmin.Client;

/// <summary>
/// The workout-service endpoints the Connect app and public clients use to put a structured workout on the calendar
/// (python-garminconnect's <c>upload_workout</c> → <c>POST /workout-service/workout</c>; scheduling and removal as
/// garth-based clients send them: <c>POST /workout-service/schedule/{workoutId}</c> with <c>{"date": "yyyy-MM-dd"}</c>
/// answering <c>workoutScheduleId</c>, <c>DELETE /workout-service/schedule/{scheduleId}</c>,
/// <c>DELETE /workout-service/workout/{workoutId}</c>). The same token, 401 refresh and 429 cooldown as every call.
/// </summary>
public sealed partial class GarminApiClient
{
    /// <summary>Creates the workout (PlanPush.GarminWorkoutJson); its <c>workoutId</c>.</summary>
    public async Task<long> CreateWorkoutAsync(JsonObject workout, CancellationToken cancellationToken)
    {
        using var response = await SendAsync("/workout-service/workout", "create workout", "application/json", cancellationToken, HttpMethod.Post, workout);
        await EnsureSuccessWithDetailAsync(response, "create workout", cancellationToken);
        var json = await ReadJsonAsync(response, cancellationToken);
        return json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("workoutId", out var id) && id.TryGetInt64(out var value)
            ? value
            : throw new GarminUpstreamException("Garmin created a workout but answered no workoutId.", response.StatusCode);
    }

    /// <summary>Puts the workout on <paramref name="date"/>; the calendar entry's <c>workoutScheduleId</c> (null when Garmin answers none).</summary>
    public async Task<long?> ScheduleWorkoutAsync(long workoutId, DateOnly date, CancellationToken cancellationToken)
    {
        using var response = await SendAsync($"/workout-service/schedule/{workoutId}", "schedule workout", "application/json", cancellationToken,
            HttpMethod.Post, new Dictionary<string, string> { ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await EnsureSuccessWithDetailAsync(response, "schedule workout", cancellationToken);
        var json = await ReadJsonAsync(response, cancellationToken);
        return json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("workoutScheduleId", out var id) && id.TryGetInt64(out var value) ? value : null;
    }

    /// <summary>Removes a calendar entry; one already gone (404) is fine.</summary>
    public Task UnscheduleWorkoutAsync(long scheduleId, CancellationToken cancellationToken) =>
        DeleteAsync($"/workout-service/schedule/{scheduleId}", "unschedule workout", cancellationToken);

    /// <summary>Deletes a workout (with its calendar entries); one already gone (404) is fine.</summary>
    public Task DeleteWorkoutAsync(long workoutId, CancellationToken cancellationToken) =>
        DeleteAsync($"/workout-service/workout/{workoutId}", "delete workout", cancellationToken);

    private async Task DeleteAsync(string path, string operation, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, operation, "application/json", cancellationToken, HttpMethod.Delete);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureSuccessWithDetailAsync(response, operation, cancellationToken);
        }
    }

    /// <summary>Like <see cref="EnsureSuccess"/>, with Garmin's own message (a validation error says what it refused).</summary>
    private async Task EnsureSuccessWithDetailAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var detail = "";
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (string[])["message", "error", "errorMessage"])
                {
                    if (document.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
                    {
                        detail = ": " + v.GetString()![..Math.Min(300, v.GetString()!.Length)];
                        break;
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        logger.LogWarning("Garmin {Operation} answered {Status}", operation, (int)response.StatusCode);
        throw new GarminUpstreamException($"Garmin answered {(int)response.StatusCode} to the {operation}{detail}.", response.StatusCode);
    }
}
