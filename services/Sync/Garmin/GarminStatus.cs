using CyclingCoach.Sync.Garmin.Storage;

namespace CyclingCoach.Sync.Garmin;

public enum GarminConnectionStatus
{
    NotConnected,
    Connected,
    NeedsReauth,
    CoolingDown,
}

/// <summary>What the rider sees of the Garmin connection (<c>GET /api/sync/garmin</c>); never a token.</summary>
public sealed record GarminStatus(
    GarminConnectionStatus Status,
    bool Connected,
    string? AccountName,
    DateTimeOffset? ConnectedAt,
    string? TokenOrigin,
    DateTimeOffset? AccessTokenExpiresAt,
    DateTimeOffset? RefreshTokenExpiresAt,
    DateTimeOffset? CooldownUntil,
    string? CooldownScope,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    public static GarminStatus From(GarminToken? token, GarminConnectionState state, DateTimeOffset? activeCooldown)
    {
        var status = activeCooldown is not null && (token is null || state.CooldownScope == Garmin.GarminCooldown.ApiScope)
            ? GarminConnectionStatus.CoolingDown
            : token is not null ? GarminConnectionStatus.Connected
            : state.NeedsReauth ? GarminConnectionStatus.NeedsReauth
            : GarminConnectionStatus.NotConnected;
        return new GarminStatus(
            status,
            token is not null,
            token is null ? null : state.AccountName,
            token is null ? null : state.ConnectedAt,
            token?.Origin,
            token?.ExpiresAt,
            token?.RefreshTokenExpiresAt,
            activeCooldown,
            activeCooldown is null ? null : state.CooldownScope,
            state.LastError,
            state.LastErrorAt);
    }
}

/// <summary>The answer to a login step: connected (with the status), or an MFA code is needed for <see cref="State"/>.</summary>
public sealed record GarminLoginResponse(bool MfaRequired, string? State, GarminStatus? Connection);
