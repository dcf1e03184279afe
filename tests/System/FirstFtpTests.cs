using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Fakes;
using CyclingCoach.Testing;

namespace CyclingCoach.SystemTests;

/// <summary>
/// Issue 17 on a fresh install, through the gateway: rides with power and no FTP → the FTP estimate is offered on the
/// ride that makes it possible; the rider sets a first FTP on the settings path → the settings count says it reaches
/// the earlier rides, every earlier ride gets a power TSS and the fitness API's CTL follows (checked against a CTL
/// the test computes itself from the rides' loads); the reviews made before it are analysed again, or marked as based
/// on the old numbers when the rider had decided them already.
/// </summary>
[Collection(FreshInstallFirst.Collection)]
public sealed class FirstFtpTests : IAsyncLifetime
{
    /// <summary>Real power-meter recordings of 35 min to 2 h (shared/fixtures MANIFEST), moved into the last weeks.</summary>
    private static readonly string[] Recordings =
    [
        "fitparse__sample-activity-indoor-trainer.fit",
        "connectstats__activity_1382772474.fit",
        "sksports__2014-07-26-18-50-56.fit",
        "goldencheetah__Garmin1000_withFirstbeat.fit",
        "goldencheetah__SigmaRox11_1.fit",
        "goldencheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit",
    ];

    private const double Ftp = 250;
    private readonly HttpClient client = Stack.Client(Stack.ApiKey);
    private readonly List<Guid> rides = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The rides go again (the stack is shared with the later tiers); the FTP, like any rider's, stays.</summary>
    public async Task DisposeAsync()
    {
        foreach (var id in rides)
        {
            using var response = await client.DeleteAsync($"/api/workouts/{id}");
        }
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 60)
    {
        var value = await Eventually.WaitAsync(read, done, TimeSpan.FromSeconds(seconds));
        Assert.True(done(value), $"{what} within {seconds} s; last: {value}");
        return value;
    }

    private async Task<Guid> UploadAsync(string recording, DateOnly day, int index)
    {
        var original = await File.ReadAllBytesAsync(Path.Combine(Fixtures.Root, "fit", recording));
        var startLocal = day.ToDateTime(new TimeOnly(6, index * 5));
        var (fit, _) = FitTimeShift.StartingAt(original, TimeZoneInfo.ConvertTimeToUtc(startLocal, TimeZoneInfo.Local));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(fit), "file", $"first-ftp-{index}.fit" } };
        using var response = await client.PostAsync("/api/workouts/import", form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{recording}: {(int)response.StatusCode} {body}");
        var id = body.GetProperty("items")[0].GetProperty("workout").GetProperty("id").GetGuid();
        rides.Add(id);
        return id;
    }

    private Task<JsonElement> ReviewAsync(Guid ride) => GetAsync($"/api/coach/analyses?workoutId={ride}&type=workout_review");

    private static bool Ready(JsonElement page) =>
        page.GetProperty("items").GetArrayLength() > 0 && page.GetProperty("items")[0].GetProperty("status").GetString() is "ready" or "rejected";

    /// <summary>
    /// CTL on <paramref name="day"/> from every ride's load (Sync's workouts, by the rider's local date), the way the
    /// Coaching README documents it: from the first ride on, CTL_d = CTL_{d−1}·λ + load_d·(1 − λ), λ = e^(−1/42)
    /// (GoldenCheetah's exponential form, the service's default).
    /// </summary>
    private async Task<double> CtlFromRidesAsync(DateOnly day)
    {
        var loads = (await Stack.AllItemsAsync(client, "/api/workouts"))
            .Where(w => w.GetProperty("trainingLoad").ValueKind == JsonValueKind.Number)
            .GroupBy(w => DateOnly.FromDateTime(w.GetProperty("startTime").GetDateTimeOffset().DateTime))
            .ToDictionary(g => g.Key, g => g.Sum(w => w.GetProperty("trainingLoad").GetDouble()));
        var lambda = Math.Exp(-1.0 / 42);
        var ctl = 0.0;
        for (var d = loads.Keys.Min(); d <= day; d = d.AddDays(1))
        {
            ctl = (ctl * lambda) + (loads.GetValueOrDefault(d) * (1 - lambda));
        }

        return ctl;
    }

    private async Task<double> FitnessCtlAsync(DateOnly day) =>
        (await GetAsync($"/api/coach/fitness?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}")).GetProperty("days")[0].GetProperty("ctl").GetDouble();

    [Fact]
    public async Task Rides_with_power_offer_the_FTP_estimate_and_a_first_FTP_gives_every_earlier_ride_TSS_and_fitness_follows()
    {
        var athlete = await GetAsync("/api/coach/athlete");
        Assert.True(athlete.GetProperty("history").EnumerateArray().All(p => p.GetProperty("ftpWatts").ValueKind == JsonValueKind.Null),
            $"This test needs a fresh install (no FTP yet), as ./coach test starts the stack for the system tier; this one has: {athlete.GetProperty("history")}");
        var today = DateOnly.FromDateTime(DateTime.Now);

        // The first ride with power: the FTP estimate is offered on it, at once (no FTP: any estimate is offered).
        var first = await UploadAsync(Recordings[0], today.AddDays(-20), 0);
        var offers = await WaitAsync(
            () => GetAsync($"/api/coach/analyses?type=threshold_update&workoutId={first}"),
            p => p.GetProperty("items").GetArrayLength() > 0,
            "no FTP estimate offered on the first ride with power", 30);
        var offer = offers.GetProperty("items")[0].GetProperty("suggestions")[0];
        Assert.StartsWith("You have no FTP yet.", offer.GetProperty("reason").GetString());
        Assert.True(offer.GetProperty("thresholds").GetProperty("ftpWatts").GetDouble() is > 100 and < 400, offer.ToString());

        for (var i = 1; i < Recordings.Length; i++)
        {
            await UploadAsync(Recordings[i], today.AddDays(-20 + (3 * i)), i);
        }

        // Each ride reviewed by the coach before any FTP; the rider rejects one of them.
        foreach (var ride in rides)
        {
            await WaitAsync(() => ReviewAsync(ride), Ready, $"no review of {ride}");
        }

        var decided = (await ReviewAsync(rides[1])).GetProperty("items")[0];
        await SendAsync(HttpMethod.Post, $"/api/coach/analyses/{decided.GetProperty("id")}/reject", new { reason = "before my FTP" }, HttpStatusCode.OK);
        var estimated = new Dictionary<Guid, double>();
        foreach (var ride in rides)
        {
            var workout = await GetAsync($"/api/workouts/{ride}");
            Assert.Equal("estimate", workout.GetProperty("trainingLoadSource").GetString());
            estimated[ride] = workout.GetProperty("trainingLoad").GetDouble();
        }

        var ctlBefore = await FitnessCtlAsync(today);
        Assert.Equal(await CtlFromRidesAsync(today), ctlBefore, 0.01);

        // The settings form's count: a first FTP from today also applies to the six earlier rides.
        var earlier = await GetAsync($"/api/coach/athlete/earlier-rides?effectiveFrom={today:yyyy-MM-dd}");
        Assert.Equal(Recordings.Length, earlier.GetProperty("ftpEarlierRides").GetInt32());

        // The rider sets a first FTP (effective today, as the settings page does by default).
        await SendAsync(HttpMethod.Put, "/api/coach/athlete", new { ftpWatts = Ftp, weightKg = 72 }, HttpStatusCode.OK);

        // Every earlier ride gets a power-based TSS: 100 · recorded hours · (NP / FTP)².
        foreach (var ride in rides)
        {
            var workout = await WaitAsync(
                () => GetAsync($"/api/workouts/{ride}"),
                w => w.GetProperty("trainingLoadSource").GetString() == "power",
                $"ride {ride} never got a power TSS");
            var metrics = workout.GetProperty("metrics");
            Assert.Equal(Ftp, metrics.GetProperty("ftpUsedWatts").GetDouble());
            var np = metrics.GetProperty("normalizedPowerWatts").GetDouble();
            var expected = 100 * (metrics.GetProperty("recordedSeconds").GetDouble() / 3600) * (np / Ftp) * (np / Ftp);
            Assert.Equal(expected, workout.GetProperty("trainingLoad").GetDouble(), 0.05);
        }

        // Fitness follows: the API's CTL is the one the rides' new loads give.
        var ctlAfter = await CtlFromRidesAsync(today);
        Assert.True(Math.Abs(ctlAfter - ctlBefore) > 1, $"the first FTP should move CTL ({ctlBefore:0.00} → {ctlAfter:0.00})");
        var shown = await WaitAsync(() => FitnessCtlAsync(today), c => Math.Abs(c - ctlAfter) < 0.01, $"the fitness API never showed CTL {ctlAfter:0.00}");
        Assert.Equal(ctlAfter, shown, 0.01);

        // The open reviews were analysed again with the new TSS; the rejected one is kept and marked stale.
        foreach (var ride in rides.Where(r => r != rides[1]))
        {
            var tss = (await GetAsync($"/api/workouts/{ride}")).GetProperty("trainingLoad").GetDouble(); // what the ride page shows
            var review = await WaitAsync(
                () => ReviewAsync(ride),
                p => Ready(p) && Math.Abs(p.GetProperty("items")[0].GetProperty("basedOn").GetProperty("trainingStressScore").GetDouble() - tss) < 0.01,
                $"the review of {ride} was not analysed again with TSS {tss:0.0}");
            Assert.False(review.GetProperty("items")[0].GetProperty("stale").GetBoolean());
            Assert.Equal(1, review.GetProperty("total").GetInt32()); // the same review, not a second one
        }

        var marked = await GetAsync($"/api/coach/analyses/{decided.GetProperty("id")}");
        Assert.Equal("rejected", marked.GetProperty("status").GetString());
        Assert.True(marked.GetProperty("stale").GetBoolean(), marked.ToString());
        Assert.Equal(estimated[rides[1]], marked.GetProperty("basedOn").GetProperty("trainingStressScore").GetDouble(), 0.01);
        Assert.Equal(Ftp, marked.GetProperty("current").GetProperty("ftpWatts").GetDouble());
    }
}
