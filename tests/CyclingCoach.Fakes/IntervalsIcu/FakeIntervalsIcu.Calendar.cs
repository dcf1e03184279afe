using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CyclingCoach.Fakes.IntervalsIcu;

/// <summary>
/// intervals.icu's calendar events as its API documents them (https://intervals.icu/api-docs.html) and public
/// clients use them: <c>GET /api/v1/athlete/{id}/events?oldest&amp;newest</c>, <c>POST …/events</c> (one event),
/// <c>POST …/events/bulk?upsert=true</c> (an array; with upsert an event whose <c>external_id</c> exists replaces it),
/// <c>PUT …/events/bulk-delete</c> (an array of <c>{id}</c> or <c>{external_id}</c>; answers <c>{eventsDeleted}</c>).
/// A bulk request is validated whole and refused whole: 422 with <c>{status, error}</c> when an event lacks a known
/// <c>category</c>, a <c>start_date_local</c> (ISO local date-time), or has a name over 255 characters; nothing of it is
/// stored. Failures on demand: <see cref="RateLimitNext"/> (429 + Retry-After), <see cref="FailNextWrites"/> (500),
/// <see cref="RejectExternalId"/> (422 for one event: a partial failure across a plan's sessions).
/// <c>/__fake/events</c> lists and adds events for tests outside this process.
/// </summary>
public sealed partial class FakeIntervalsIcu
{
    private static readonly HashSet<string> Categories = ["WORKOUT", "NOTE", "RACE_A", "RACE_B", "RACE_C", "TARGET", "PLAN", "HOLIDAY", "SICK", "INJURED", "SET_EFTP", "FITNESS_DAYS", "SEASON_START", "SET_FITNESS"];

    private readonly ConcurrentDictionary<long, JsonObject> events = new();
    private readonly ConcurrentDictionary<string, string> rejectedExternalIds = new();
    private readonly Lock eventsLock = new();
    private long nextEventId = 70_000_000;
    private int failNextWrites;
    private int eventWrites;

    /// <summary>Every event on the calendar (copies), by start date.</summary>
    public IReadOnlyList<JsonObject> Events =>
        [.. events.Values.Select(e => (JsonObject)e.DeepClone()).OrderBy(e => (string?)e["start_date_local"]).ThenBy(e => (long)e["id"]!)];

    /// <summary>Create, update and delete requests that reached the calendar (refused ones included).</summary>
    public int EventWrites => eventWrites;

    /// <summary>The next <paramref name="count"/> event writes answer 500.</summary>
    public void FailNextWrites(int count) => Interlocked.Exchange(ref failNextWrites, count);

    /// <summary>Writes of the event with this external id answer 422 with <paramref name="reason"/> (null: accept again).</summary>
    public void RejectExternalId(string externalId, string? reason)
    {
        if (reason is null)
        {
            rejectedExternalIds.TryRemove(externalId, out _);
        }
        else
        {
            rejectedExternalIds[externalId] = reason;
        }
    }

    /// <summary>An event the rider made in intervals.icu (no external id): ours must never touch it.</summary>
    public long AddRiderEvent(DateOnly date, string name, string category = "WORKOUT") =>
        Store(new JsonObject
        {
            ["category"] = category,
            ["start_date_local"] = $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T07:00:00",
            ["name"] = name,
            ["type"] = "Ride",
            ["description"] = "- 1h 65%",
        }, upsert: false);

    private void MapCalendar(WebApplication app)
    {
        app.MapGet("/api/v1/athlete/{athleteId}/events", (HttpContext context, string athleteId, string? oldest, string? newest) =>
        {
            if (Gate(context, athleteId) is { } refused)
            {
                return refused;
            }

            var from = oldest ?? "0000";
            var to = (newest ?? "9999") + "T99";
            return Results.Json(Events.Where(e => string.CompareOrdinal((string?)e["start_date_local"], from) >= 0
                                                   && string.CompareOrdinal((string?)e["start_date_local"], to) <= 0));
        });
        app.MapPost("/api/v1/athlete/{athleteId}/events", async (HttpContext context, string athleteId) =>
            await WriteAsync(context, athleteId, single: true, upsert: false));
        app.MapPost("/api/v1/athlete/{athleteId}/events/bulk", async (HttpContext context, string athleteId, bool? upsert) =>
            await WriteAsync(context, athleteId, single: false, upsert: upsert == true));
        app.MapPut("/api/v1/athlete/{athleteId}/events/bulk-delete", async (HttpContext context, string athleteId) =>
        {
            if (WriteGate(context, athleteId) is { } refused)
            {
                return refused;
            }

            if (await FakeJson.ReadAsync(context) is not JsonArray items)
            {
                return Unprocessable("Expected an array of {id} or {external_id}");
            }

            var deleted = 0;
            lock (eventsLock)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    var externalId = (string?)item["external_id"];
                    var id = item["id"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : (long?)null;
                    foreach (var e in events.Values.Where(e => (id is not null && (long)e["id"]! == id)
                                                              || (externalId is not null && (string?)e["external_id"] == externalId)).ToList())
                    {
                        events.TryRemove((long)e["id"]!, out _);
                        deleted++;
                    }
                }
            }

            return Results.Json(new { eventsDeleted = deleted });
        });
        app.MapGet("/__fake/events", () => Results.Json(Events));
        app.MapPost("/__fake/events", (string date, string name) =>
            Results.Json(new { id = AddRiderEvent(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), name) }));
    }

    private async Task<IResult> WriteAsync(HttpContext context, string athleteId, bool single, bool upsert)
    {
        if (WriteGate(context, athleteId) is { } refused)
        {
            return refused;
        }

        var body = await FakeJson.ReadAsync(context);
        var items = single ? body is JsonObject one ? [one] : null : body is JsonArray array ? array.OfType<JsonObject>().ToList() : null;
        if (items is null)
        {
            return Unprocessable(single ? "Expected an event object" : "Expected an array of events");
        }

        foreach (var item in items)
        {
            if (Invalid(item) is { } reason)
            {
                return Unprocessable(reason);
            }
        }

        var stored = items.Select(item => Store((JsonObject)item.DeepClone(), upsert)).ToList();
        return single ? Results.Json(events[stored[0]]) : Results.Json(stored.Select(id => events[id]));
    }

    private string? Invalid(JsonObject e)
    {
        if ((string?)e["category"] is not { } category || !Categories.Contains(category))
        {
            return $"category: must be one of {string.Join(", ", Categories)}";
        }

        if ((string?)e["start_date_local"] is not { } start
            || !DateTime.TryParseExact(start, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return "start_date_local: expected yyyy-MM-ddTHH:mm:ss (local time)";
        }

        if ((string?)e["name"] is { Length: > 255 })
        {
            return "name: too long (max 255)";
        }

        return (string?)e["external_id"] is { } externalId && rejectedExternalIds.TryGetValue(externalId, out var rejected) ? rejected : null;
    }

    private long Store(JsonObject e, bool upsert)
    {
        lock (eventsLock)
        {
            var externalId = (string?)e["external_id"];
            var existing = upsert && externalId is not null ? events.Values.FirstOrDefault(x => (string?)x["external_id"] == externalId) : null;
            var id = existing is not null ? (long)existing["id"]! : Interlocked.Increment(ref nextEventId);
            e["id"] = id;
            e["icu_athlete_id"] = AthleteId;
            events[id] = e;
            return id;
        }
    }

    private IResult? WriteGate(HttpContext context, string athleteId)
    {
        if (Gate(context, athleteId) is { } refused)
        {
            return refused;
        }

        Interlocked.Increment(ref eventWrites);
        if (Volatile.Read(ref failNextWrites) > 0 && Interlocked.Decrement(ref failNextWrites) >= 0)
        {
            return Results.Json(new { status = 500, error = "Internal Server Error" }, statusCode: 500);
        }

        return null;
    }

    private static IResult Unprocessable(string error) => Results.Json(new { status = 422, error }, statusCode: 422);
}
