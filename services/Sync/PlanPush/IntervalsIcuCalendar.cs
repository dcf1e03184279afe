using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.IntervalsIcu;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>
/// Planned workouts on the rider's intervals.icu calendar through its events API (intervals.icu API docs,
/// https://intervals.icu/api-docs.html, and the public clients that use it: upsert by <c>external_id</c>, delete by
/// <c>external_id</c>):
/// <list type="bullet">
/// <item><c>POST /api/v1/athlete/{id}/events/bulk?upsert=true</c> with <c>[{ category: "WORKOUT", type: "Ride",
/// start_date_local: "2026-12-08T00:00:00", name, description (workout text), moving_time, icu_training_load,
/// external_id }]</c>: creates the event, or updates the one with that <c>external_id</c> — so a retry after a lost
/// answer never makes a second event. Answers the events with their <c>id</c>.</item>
/// <item><c>PUT /api/v1/athlete/{id}/events/bulk-delete</c> with <c>[{ external_id }]</c>: deletes only events with
/// our external ids (<see cref="PlanSessionKeys.ExternalIdPrefix"/>); the rider's own events have none of them.</item>
/// </list>
/// One session per request, so each gets its own status. A 429 is not waited out here: its Retry-After becomes the
/// session's next attempt.
/// </summary>
public sealed class IntervalsIcuCalendar(HttpClient http, IntervalsIcuCredentials credentials, IOptions<IntervalsIcuOptions> options) : ICalendarTarget
{
    public PushTarget Target => PushTarget.IntervalsIcu;

    public async Task PutAsync(PlanPushItem item, PlannedSession session, string hash, Func<Action<PlanPushItem>, Task> record, CancellationToken cancellationToken)
    {
        var c = await RequireAsync(cancellationToken);
        object[] body =
        [
            new Dictionary<string, object?>
            {
                ["category"] = "WORKOUT",
                ["type"] = "Ride",
                ["start_date_local"] = $"{session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T00:00:00",
                ["name"] = session.Name,
                ["description"] = IntervalsIcuWorkoutText.Of(session),
                ["moving_time"] = session.DurationSeconds,
                ["icu_training_load"] = (int)Math.Round(session.TargetTss),
                ["external_id"] = PlanSessionKeys.ExternalId(item.SessionKey),
            },
        ];
        using var response = await SendAsync(c, HttpMethod.Post, $"api/v1/athlete/{Uri.EscapeDataString(c.AthleteId)}/events/bulk?upsert=true", body, cancellationToken);
        string? id = null;
        using (var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken)))
        {
            if (document.RootElement is { ValueKind: JsonValueKind.Array } events && events.GetArrayLength() > 0
                && events[0].TryGetProperty("id", out var value))
            {
                id = value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString();
            }
        }

        await record(i =>
        {
            i.RemoteId = id;
            i.RemoteHash = hash;
        });
    }

    public async Task RemoveAsync(PlanPushItem item, Func<Action<PlanPushItem>, Task> record, CancellationToken cancellationToken)
    {
        var c = await RequireAsync(cancellationToken);
        object[] body = [new Dictionary<string, string> { ["external_id"] = PlanSessionKeys.ExternalId(item.SessionKey) }];
        using var response = await SendAsync(c, HttpMethod.Put, $"api/v1/athlete/{Uri.EscapeDataString(c.AthleteId)}/events/bulk-delete", body, cancellationToken);
        await record(i =>
        {
            i.RemoteId = null;
            i.RemoteHash = null;
        });
    }

    private async Task<IntervalsIcuCredentials.Credentials> RequireAsync(CancellationToken cancellationToken) =>
        await credentials.GetAsync(cancellationToken)
        ?? throw new CalendarPushException("intervals.icu is not connected: set the athlete id and API key in Settings.");

    private async Task<HttpResponseMessage> SendAsync(
        IntervalsIcuCredentials.Credentials c, HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        var baseUri = new Uri(options.Value.BaseUrl.TrimEnd('/') + "/");
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"API_KEY:{c.ApiKey}")));
        request.Headers.Accept.ParseAdd("application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CalendarPushException($"intervals.icu could not be reached ({e.HttpRequestError}).", inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CalendarPushException("intervals.icu did not answer in time.", inner: e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var detail = await ErrorText(response, cancellationToken);
            throw response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => new CalendarPushException("intervals.icu is rate limiting (429).", IntervalsIcuSource.RetryAfter(response) ?? TimeSpan.FromSeconds(60)),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new CalendarPushException($"intervals.icu rejected the API key or athlete id ({status}); update them in Settings."),
                _ when status < 500 => new CalendarPushException($"intervals.icu refused the workout ({status}){detail}."),
                _ => new CalendarPushException($"intervals.icu failed ({status}){detail}."),
            };
        }
    }

    /// <summary>The <c>error</c> or <c>message</c> of intervals.icu's JSON error body, shortened.</summary>
    private static async Task<string> ErrorText(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            foreach (var name in (string[])["error", "message"])
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
                {
                    var text = v.GetString()!;
                    return ": " + (text.Length > 300 ? text[..300] : text);
                }
            }
        }
        catch (JsonException)
        {
        }

        return "";
    }
}
