using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Garmin.Auth;

/// <summary>
/// Pending MFA logins by an opaque state id. The SSO cookie session stays with its state so a wrong code can be
/// retried on the same state (research §4.5); entries expire after <c>Garmin:MfaSessionMinutes</c>.
/// </summary>
public sealed class GarminLoginSessions(IOptions<GarminOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (SsoSession Session, DateTimeOffset ExpiresAt)> pending = new();

    public string Add(SsoSession session)
    {
        Sweep();
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        pending[state] = (session, time.GetUtcNow().AddMinutes(Math.Max(1, options.Value.MfaSessionMinutes)));
        return state;
    }

    public SsoSession? Find(string state)
    {
        Sweep();
        return pending.TryGetValue(state, out var entry) ? entry.Session : null;
    }

    public void Remove(string state) => pending.TryRemove(state, out _);

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in pending)
        {
            if (entry.ExpiresAt <= now)
            {
                pending.TryRemove(key, out _);
            }
        }
    }
}
