namespace CyclingCoach.Sync.Garmin.Auth;

/// <summary>Garmin answered 429 (HTML from Cloudflare or JSON); the caller starts a persisted cooldown.</summary>
public sealed class GarminRateLimitedException(string scope) : GarminException("Garmin answered 429 Too Many Requests.")
{
    public string Scope { get; } = scope;
}
