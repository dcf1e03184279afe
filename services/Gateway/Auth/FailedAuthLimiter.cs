using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Gateway.Auth;

/// <summary>
/// Counts wrong keys per client in a fixed window; past the limit the client is refused (429) until the window ends,
/// whatever key it sends (so a locked client learns nothing about its guesses). A request with no key at all is not a
/// guess and is not counted. The table holds at most <see cref="ApiKeyOptions.MaxTrackedClients"/> clients: once it
/// is full (after expired windows are dropped), every further client is counted in one shared window, so an attacker
/// with many addresses gains at most one extra allowance, and memory stays bounded.
/// </summary>
public sealed class FailedAuthLimiter(IOptions<ApiKeyOptions> options, TimeProvider time)
{
    private const string Overflow = "(clients beyond the table)";
    private readonly ConcurrentDictionary<string, Window> windows = new();

    /// <summary>Clients counted one by one now (the shared overflow window not included).</summary>
    public int TrackedClients => windows.Count - (windows.ContainsKey(Overflow) ? 1 : 0);

    public bool IsBlocked(string client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var bucket = Bucket(client, prune: false);
        if (!windows.TryGetValue(bucket, out var window))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (now >= window.Ends)
        {
            windows.TryRemove(new KeyValuePair<string, Window>(bucket, window));
            return false;
        }

        if (window.Failures < options.Value.MaxFailedAttempts)
        {
            return false;
        }

        retryAfter = window.Ends - now;
        return true;
    }

    public void RecordFailure(string client)
    {
        var now = time.GetUtcNow();
        var length = TimeSpan.FromSeconds(options.Value.FailureWindowSeconds);
        windows.AddOrUpdate(
            Bucket(client, prune: true),
            _ => new Window(now + length, 1),
            (_, window) => now >= window.Ends ? new Window(now + length, 1) : window with { Failures = window.Failures + 1 });
    }

    /// <summary>The client's own window if it has one or there is room for one; else the shared overflow window.</summary>
    private string Bucket(string client, bool prune)
    {
        if (windows.ContainsKey(client) || TrackedClients < options.Value.MaxTrackedClients)
        {
            return client;
        }

        if (prune)
        {
            var now = time.GetUtcNow();
            foreach (var (key, window) in windows)
            {
                if (now >= window.Ends)
                {
                    windows.TryRemove(new KeyValuePair<string, Window>(key, window));
                }
            }
        }

        return TrackedClients < options.Value.MaxTrackedClients ? client : Overflow;
    }

    private sealed record Window(DateTimeOffset Ends, int Failures);
}
