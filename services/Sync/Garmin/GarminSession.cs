using CyclingCoach.Sync.Garmin.Auth;
using CyclingCoach.Sync.Garmin.Storage;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Garmin;

/// <summary>
/// The one Garmin connection of this service: the current token (loaded from the encrypted file, cached), the
/// state file, the 429 cooldown and the single-flight refresh (research §4.3: ~15 min before expiry, rotated refresh
/// token saved atomically; <c>invalid_grant</c> → needs re-auth, never a credential login).
/// </summary>
public sealed class GarminSession(
    GarminTokenStore tokenStore,
    GarminStateStore stateStore,
    GarminAuthClientFactory authClients,
    IOptions<GarminOptions> options,
    TimeProvider time,
    ILogger<GarminSession> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SemaphoreSlim stateGate = new(1, 1);
    private bool loaded;
    private GarminToken? token;
    private GarminConnectionState state = GarminConnectionState.Empty;

    public async Task<(GarminToken? Token, GarminConnectionState State)> SnapshotAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        return (token, state);
    }

    /// <summary>Throws when a 429 cooldown blocking <paramref name="scope"/> is running.</summary>
    public async Task ThrowIfCoolingDownAsync(string scope, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        if (ActiveCooldown(scope) is { } until)
        {
            throw new GarminCooldownException(until, state.CooldownScope ?? scope);
        }
    }

    /// <summary>The cooldown end when one blocks <paramref name="scope"/>: a login cooldown blocks sign-ins only; an API one blocks everything.</summary>
    public DateTimeOffset? ActiveCooldown(string scope)
    {
        if (state.CooldownUntil is not { } until || until <= time.GetUtcNow())
        {
            return null;
        }

        return state.CooldownScope == GarminCooldown.ApiScope || scope == GarminCooldown.LoginScope ? until : null;
    }

    /// <summary>A usable access token, refreshed first when it expires within the configured margin.</summary>
    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        await ThrowIfCoolingDownAsync(GarminCooldown.ApiScope, cancellationToken);
        var current = token ?? throw NotUsable();
        if (!NeedsRefresh(current))
        {
            return current.AccessToken;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            current = token ?? throw NotUsable();
            if (NeedsRefresh(current))
            {
                current = await RefreshLockedAsync(current, forced: false, cancellationToken);
            }

            return current.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>After a 401: refresh once (unless another caller already replaced the rejected token).</summary>
    public async Task<string> RefreshAfterUnauthorizedAsync(string rejectedAccessToken, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var current = token ?? throw NotUsable();
            if (current.AccessToken != rejectedAccessToken)
            {
                return current.AccessToken;
            }

            logger.LogInformation("Garmin rejected the access token (401); refreshing once");
            return (await RefreshLockedAsync(current, forced: true, cancellationToken)).AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task ConnectAsync(GarminToken newToken, string? accountName, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await tokenStore.SaveAsync(newToken, cancellationToken);
            token = newToken;
        }
        finally
        {
            gate.Release();
        }

        await UpdateStateAsync(s => s with
        {
            AccountName = accountName,
            ConnectedAt = time.GetUtcNow(),
            NeedsReauth = false,
            LastError = null,
            LastErrorAt = null,
        }, cancellationToken);
        logger.LogInformation("Garmin connected ({Origin}); access token valid until {ExpiresAt:O}", newToken.Origin, newToken.ExpiresAt);
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            tokenStore.Delete();
            token = null;
        }
        finally
        {
            gate.Release();
        }

        // A running cooldown is Garmin's, not the connection's: it stays.
        await UpdateStateAsync(s => GarminConnectionState.Empty with { CooldownUntil = s.CooldownUntil, CooldownScope = s.CooldownScope }, cancellationToken);
        logger.LogInformation("Garmin disconnected");
    }

    /// <summary>Persists a cooldown after a 429 and returns the exception to throw.</summary>
    public async Task<GarminCooldownException> StartCooldownAsync(string scope, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().AddMinutes(Math.Max(1, options.Value.CooldownMinutes));
        await UpdateStateAsync(s => s with
        {
            CooldownUntil = until,
            CooldownScope = s.CooldownUntil > time.GetUtcNow() && s.CooldownScope == GarminCooldown.ApiScope ? GarminCooldown.ApiScope : scope,
            LastError = $"Garmin answered 429 Too Many Requests; no {(scope == GarminCooldown.LoginScope ? "sign-in" : "request")} is tried before {until:O}.",
            LastErrorAt = time.GetUtcNow(),
        }, cancellationToken);
        logger.LogWarning("Garmin rate limited the {Scope}; cooling down until {Until:O}", scope, until);
        return new GarminCooldownException(until, scope);
    }

    public async Task<GarminReauthRequiredException> MarkReauthRequiredAsync(string reason, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            tokenStore.Delete();
            token = null;
        }
        finally
        {
            gate.Release();
        }

        await MarkReauthStateAsync(reason, cancellationToken);
        return new GarminReauthRequiredException(reason);
    }

    public Task RecordErrorAsync(string error, CancellationToken cancellationToken) =>
        UpdateStateAsync(s => s with { LastError = error, LastErrorAt = time.GetUtcNow() }, cancellationToken);

    private async Task<GarminToken> RefreshLockedAsync(GarminToken current, bool forced, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (string.IsNullOrEmpty(current.RefreshToken) || current.RefreshTokenExpiresAt <= now)
        {
            if (!forced && current.ExpiresAt > now)
            {
                return current; // cannot refresh yet, but still valid
            }

            throw await ReauthLockedAsync("The Garmin token expired or was rejected and there is no usable refresh token; connect again.", cancellationToken);
        }

        try
        {
            var refreshed = await authClients.Create().RefreshAsync(current, cancellationToken);
            await tokenStore.SaveAsync(refreshed, cancellationToken);
            token = refreshed;
            logger.LogInformation("Garmin token refreshed; valid until {ExpiresAt:O}", refreshed.ExpiresAt);
            return refreshed;
        }
        catch (GarminReauthRequiredException exception)
        {
            throw await ReauthLockedAsync(exception.Message, cancellationToken);
        }
        catch (GarminRateLimitedException exception)
        {
            throw await StartCooldownAsync(exception.Scope, cancellationToken);
        }
        catch (GarminUpstreamException) when (!forced && current.ExpiresAt > now)
        {
            logger.LogWarning("Garmin token refresh failed; the current token is valid until {ExpiresAt:O} and is used meanwhile", current.ExpiresAt);
            return current;
        }
    }

    private async Task<GarminReauthRequiredException> ReauthLockedAsync(string reason, CancellationToken cancellationToken)
    {
        tokenStore.Delete();
        token = null;
        await MarkReauthStateAsync(reason, cancellationToken);
        logger.LogWarning("Garmin needs a new connection: {Reason}", reason);
        return new GarminReauthRequiredException(reason);
    }

    private Task MarkReauthStateAsync(string reason, CancellationToken cancellationToken) =>
        UpdateStateAsync(s => s with { NeedsReauth = true, LastError = reason, LastErrorAt = time.GetUtcNow() }, cancellationToken);

    private bool NeedsRefresh(GarminToken current) =>
        current.ExpiresAt - time.GetUtcNow() <= TimeSpan.FromMinutes(options.Value.RefreshBeforeExpiryMinutes);

    private GarminException NotUsable() =>
        state.NeedsReauth
            ? new GarminReauthRequiredException(state.LastError ?? "Garmin needs a new connection.")
            : new GarminNotConnectedException();

    private async Task UpdateStateAsync(Func<GarminConnectionState, GarminConnectionState> change, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
        await stateGate.WaitAsync(cancellationToken);
        try
        {
            var next = change(state);
            await stateStore.SaveAsync(next, cancellationToken);
            state = next;
        }
        finally
        {
            stateGate.Release();
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (loaded)
        {
            return;
        }

        await stateGate.WaitAsync(cancellationToken);
        try
        {
            if (!loaded)
            {
                state = await stateStore.LoadAsync(cancellationToken);
                token = await tokenStore.LoadAsync(cancellationToken);
                loaded = true;
            }
        }
        finally
        {
            stateGate.Release();
        }
    }

    public void Dispose()
    {
        gate.Dispose();
        stateGate.Dispose();
    }
}
