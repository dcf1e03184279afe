using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CyclingCoach.Fakes.Garmin;

namespace CyclingCoach.Fakes.IntervalsIcu;

/// <summary>
/// intervals.icu on 127.0.0.1:0, behaving like the real API where the sync depends on it: Basic auth with user
/// <c>API_KEY</c> (401 JSON otherwise), the activity list by inclusive <c>oldest</c>/<c>newest</c> dates (an empty
/// array when nothing matches; Strava stubs without a file), the original file gzip'd (half the activities with
/// <c>Content-Encoding: gzip</c>, half as a raw .fit.gz body; 404 for an activity without an original), its streams
/// (<see cref="FakeIntervalsIcuStreams"/>, built from the FIT; an empty array for Strava stubs), the athlete with sport
/// settings, and 429 with Retry-After on demand.
/// </summary>
public sealed partial class FakeIntervalsIcu : IAsyncDisposable
{
    public const string ApiKey = "fake-intervals-key";
    public const string AthleteId = "i4242";

    private readonly ConcurrentDictionary<string, FakeActivity> activities = new();
    private WebApplication? app;
    private int rateLimitNext;
    private int listRequests;
    private int fileRequests;
    private int streamRequests;

    public string BaseUrl { get; private set; } = "";
    public int ListRequests => listRequests;
    public int FileRequests => fileRequests;
    public int StreamRequests => streamRequests;

    /// <summary>Delay before the activity list answers (to keep a run in progress).</summary>
    public TimeSpan ListDelay { get; set; }

    /// <param name="File">The recording; with <paramref name="HasOriginal"/> false only its streams are served (the file answers 404).</param>
    public sealed record FakeActivity(
        string Id, DateTimeOffset Start, string Type, string Name, int Seconds, byte[]? File, double? AverageWatts = null, bool HasOriginal = true);

    public static async Task<FakeIntervalsIcu> StartAsync(int port = 0)
    {
        var fake = new FakeIntervalsIcu();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/api/v1/athlete/{athleteId}/activities", fake.ListAsync);
        app.MapGet("/api/v1/activity/{id}/file", fake.FileAsync);
        app.MapGet("/api/v1/activity/{id}/streams", fake.Streams);
        app.MapGet("/api/v1/athlete/{athleteId}", fake.Athlete);
        app.MapGet("/api/v1/athlete/{athleteId}/wellness", fake.WellnessList);
        fake.MapCalendar(app);
        await app.StartAsync();
        fake.app = app;
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public void Add(FakeActivity activity) => activities[activity.Id] = activity;

    /// <summary><paramref name="count"/> rides, newest yesterday at 17:00 UTC and <paramref name="spacing"/> apart, each
    /// one of the fakes' real cycling recordings moved to its start (CET, like a rider in central Europe).</summary>
    public void AddRides(int count, TimeSpan spacing)
    {
        var recordings = FakeGarminData.CyclingFitFiles.Select(name => File.ReadAllBytes(Path.Combine(Fixtures.Root, "fit", name))).ToArray();
        var newest = DateTime.UtcNow.Date.AddDays(-1).AddHours(17);
        for (var i = 0; i < count; i++)
        {
            var (fit, start) = FitTimeShift.StartingAt(recordings[i % recordings.Length], newest - (spacing * i));
            var seconds = (int)(FitTimeShift.ToUtc(FitTimeShift.LastTimestamp(fit)) - start).TotalSeconds;
            Add(new FakeActivity($"i{90_000_000 + count - i}", new DateTimeOffset(start).ToOffset(TimeSpan.FromHours(1)), "Ride", $"intervals.icu ride {i}", seconds, fit));
        }
    }

    /// <summary>The next <paramref name="count"/> requests get 429 with <c>Retry-After: 1</c>.</summary>
    public void RateLimitNext(int count) => Interlocked.Exchange(ref rateLimitNext, count);

    private bool Authorized(HttpContext context, string? athleteId = null)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"API_KEY:{ApiKey}"));
        return context.Request.Headers.Authorization.ToString() == expected && (athleteId is null || athleteId == AthleteId || athleteId == "0");
    }

    private IResult? Gate(HttpContext context, string? athleteId = null)
    {
        if (!Authorized(context, athleteId))
        {
            return Results.Json(new { status = 401, error = "Unauthorized" }, statusCode: 401);
        }

        if (Volatile.Read(ref rateLimitNext) > 0 && Interlocked.Decrement(ref rateLimitNext) >= 0)
        {
            context.Response.Headers.RetryAfter = "1";
            return Results.Json(new { status = 429, error = "Too Many Requests" }, statusCode: 429);
        }

        return null;
    }

    private async Task<IResult> ListAsync(HttpContext context, string athleteId, string? oldest, string? newest)
    {
        Interlocked.Increment(ref listRequests);
        if (Gate(context, athleteId) is { } refused)
        {
            return refused;
        }

        if (!DateOnly.TryParseExact(oldest, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(newest ?? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return Results.Json(new { status = 422, error = "oldest is required (yyyy-MM-dd)" }, statusCode: 422);
        }

        if (ListDelay > TimeSpan.Zero)
        {
            await Task.Delay(ListDelay);
        }

        var items = activities.Values
            .Where(a => DateOnly.FromDateTime(a.Start.DateTime) >= from && DateOnly.FromDateTime(a.Start.DateTime) <= to)
            .OrderByDescending(a => a.Start)
            .Select(a => new Dictionary<string, object?>
            {
                ["id"] = a.Id,
                ["icu_athlete_id"] = AthleteId,
                ["start_date_local"] = a.Start.DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
                ["start_date"] = a.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["type"] = a.Type,
                ["name"] = a.Name,
                ["moving_time"] = a.Seconds,
                ["elapsed_time"] = a.Seconds,
                ["distance"] = a.Seconds * 8.5,
                ["icu_average_watts"] = a.AverageWatts,
                ["average_heartrate"] = 140,
                ["calories"] = a.Seconds / 4,
                ["source"] = a.File is null ? "STRAVA" : "GARMIN_CONNECT",
                ["file_type"] = a.File is null ? null : "fit",
            })
            .ToList();
        return Results.Json(items);
    }

    private async Task<IResult> FileAsync(HttpContext context, string id)
    {
        Interlocked.Increment(ref fileRequests);
        if (Gate(context) is { } refused)
        {
            return refused;
        }

        if (!activities.TryGetValue(id, out var activity) || activity.File is null || !activity.HasOriginal)
        {
            return Results.Json(new { status = 404, error = "Not Found" }, statusCode: 404);
        }

        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(activity.File);
        }

        var gz = buffer.ToArray();
        var asContentEncoding = (id[^1] & 1) == 0;
        if (asContentEncoding)
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(gz, "application/octet-stream");
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}.fit.gz\"";
        return Results.Bytes(gz, "application/octet-stream");
    }

    private IResult Streams(HttpContext context, string id, string? types)
    {
        Interlocked.Increment(ref streamRequests);
        if (Gate(context) is { } refused)
        {
            return refused;
        }

        if (!activities.TryGetValue(id, out var activity))
        {
            return Results.Json(new { status = 404, error = "Not Found" }, statusCode: 404);
        }

        return Results.Content(activity.File is null ? "[]" : FakeIntervalsIcuStreams.Streams(activity.File, types), "application/json");
    }

    private IResult Athlete(HttpContext context, string athleteId)
    {
        if (Gate(context, athleteId) is { } refused)
        {
            return refused;
        }

        return Results.Json(new
        {
            id = AthleteId,
            name = "Fake Rider",
            icu_weight = 72.5,
            icu_resting_hr = 48,
            sportSettings = new object[]
            {
                new { types = new[] { "Ride", "VirtualRide", "GravelRide" }, ftp = 250, lthr = 165, max_hr = 188, hr_zones = new[] { 112, 137, 150, 165, 175, 188 } },
                new { types = new[] { "Run" }, ftp = (int?)null, lthr = 170, max_hr = 192, hr_zones = new[] { 120, 140, 155, 170, 192 } },
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
