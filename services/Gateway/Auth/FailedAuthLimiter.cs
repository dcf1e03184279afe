using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Gateway.Auth;

/// <summary>
/// Counts wrong keys per client address in a fixed window; past the limit the address is refused (429) until the
/// window ends, whatever key it sends. A request with no key at all is not a guess and is not counted.
/// </summary>
public sealed class FailedAuthLimiter(IOptions<ApiKeyOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> windows = new();

    public bool IsBlocked(string client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!windows.TryGetValue(client, out var window))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (now >= window.Ends)
        {
            windows.TryRemove(new KeyValuePair<string, Window>(client, window));
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
            client,
            _ => new Window(now + length, 1),
            (_, window) => now >= window.Ends ? new Window(now + length, 1) : window with { Failures = window.Failures + 1 });

        if (windows.Count > 10_000)
        {
            foreach (var (key, window) in windows)
            {
                if (now >= window.Ends)
                {
                    windows.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed record Window(DateTimeOffset Ends, int Failures);
}
