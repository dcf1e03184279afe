namespace CyclingCoach.Sync.Garmin.Storage;

/// <summary>
/// The small, non-secret state file beside the token: a 429 cooldown survives a restart, and the rider sees why the
/// connection needs attention.
/// </summary>
public sealed record GarminConnectionState
{
    public string? AccountName { get; init; }
    public DateTimeOffset? ConnectedAt { get; init; }
    public DateTimeOffset? CooldownUntil { get; init; }

    /// <summary>What the cooldown blocks: <c>login</c> (SSO sign-in only) or <c>api</c> (everything that calls Garmin).</summary>
    public string? CooldownScope { get; init; }
    public bool NeedsReauth { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? LastErrorAt { get; init; }

    public static GarminConnectionState Empty { get; } = new();
}
