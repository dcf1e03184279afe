using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CyclingCoach.Coaching.Data;

namespace CyclingCoach.Bench.Coaching;

/// <summary>HTTP to the Coaching service (with the gateway's credential, Auth__ServiceKey, as the gateway calls it) or
/// to the gateway (with its API key), in the service's own JSON shape.</summary>
public sealed class CoachClient(string baseUrl, string? apiKey = null) : IDisposable
{
    private readonly HttpClient http = Create(baseUrl, apiKey);

    private static HttpClient Create(string baseUrl, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        if (!string.IsNullOrEmpty(apiKey))
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
        else if (Environment.GetEnvironmentVariable("Auth__ServiceKey") is { Length: > 0 } serviceKey)
        {
            client.DefaultRequestHeaders.Add("X-Service-Key", serviceKey);
        }

        return client;
    }

    public static StringContent Json<T>(T body) => new(CoachJson.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Sends, reads the whole body, fails on a non-success status; returns the body and the wall time.</summary>
    public async Task<(string Body, double Milliseconds)> SendAsync(HttpMethod method, string path, HttpContent? content = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {body}");
        }

        return (body, elapsed);
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken = default) =>
        JsonDocument.Parse((await SendAsync(HttpMethod.Get, path, cancellationToken: cancellationToken)).Body).RootElement;

    /// <summary>
    /// Waits until <paramref name="path"/> answers 200 and each named health check is Healthy (the consumer queues
    /// are bound only once the bus is up; a message published before that is dropped).
    /// </summary>
    public async Task WaitReadyAsync(TimeSpan timeout, string path, params string[] checks)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(path.TrimStart('/'));
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (response.IsSuccessStatusCode && checks.All(c => body.TryGetProperty("checks", out var all)
                        && all.TryGetProperty(c, out var check) && check.GetProperty("status").GetString() == "Healthy"))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{http.BaseAddress}{path.TrimStart('/')} was not ready within {timeout}.");
            }

            await Task.Delay(250);
        }
    }

    public void Dispose() => http.Dispose();
}
