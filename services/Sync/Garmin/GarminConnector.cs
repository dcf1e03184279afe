using System.Text.Json;
using CyclingCoach.Sync.Garmin.Auth;
using CyclingCoach.Sync.Garmin.Client;
using CyclingCoach.Sync.Garmin.Models;
using CyclingCoach.Sync.Garmin.Storage;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Garmin;

/// <summary>
/// The ways in (research §4.1): (a) import a token, (b) exchange a pasted service ticket at diauth, (c) a
/// best-effort two-step username/password login. Every new token is checked against
/// <c>/userprofile-service/socialProfile</c> before it replaces the stored one (research §4.4).
/// </summary>
public sealed class GarminConnector(
    GarminSession session,
    GarminAuthClient auth,
    GarminApiClient api,
    GarminLoginSessions logins,
    IOptions<GarminOptions> options,
    TimeProvider time,
    ILogger<GarminConnector> logger)
{
    public async Task<GarminStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var (token, state) = await session.SnapshotAsync(cancellationToken);
        return GarminStatus.From(token, state, session.ActiveCooldown(GarminCooldown.LoginScope));
    }

    public async Task<GarminStatus> ImportTokenAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var candidate = GarminTokenImport.Parse(body, time.GetUtcNow(), options.Value.DiClientIds.FirstOrDefault() ?? "GARMIN_CONNECT_MOBILE_ANDROID_DI");
        await session.ThrowIfCoolingDownAsync(GarminCooldown.ApiScope, cancellationToken);
        return await ValidateAndConnectAsync(candidate, cancellationToken);
    }

    public async Task<GarminStatus> ExchangeTicketAsync(string ticket, CancellationToken cancellationToken)
    {
        await session.ThrowIfCoolingDownAsync(GarminCooldown.ApiScope, cancellationToken);
        var token = await Guard(() => auth.ExchangeTicketAsync(ticket.Trim(), "ticket", cancellationToken), cancellationToken);
        return await ValidateAndConnectAsync(token, cancellationToken);
    }

    public async Task<GarminLoginResponse> BeginLoginAsync(string? username, string? password, CancellationToken cancellationToken)
    {
        username = string.IsNullOrWhiteSpace(username) ? options.Value.Username : username;
        password = string.IsNullOrEmpty(password) ? options.Value.Password : password;
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            throw new GarminRejectedException("A username and password are needed (in the request, or Garmin:Username and Garmin:Password).");
        }

        await session.ThrowIfCoolingDownAsync(GarminCooldown.LoginScope, cancellationToken);
        logger.LogInformation("Garmin sign-in started");
        var result = await Guard(() => auth.SignInAsync(username, password, cancellationToken), cancellationToken);
        if (result.MfaRequired)
        {
            var state = logins.Add(result.Session);
            logger.LogInformation("Garmin sign-in needs an MFA code ({Method})", result.Session.MfaMethod);
            return new GarminLoginResponse(true, state, null);
        }

        return new GarminLoginResponse(false, null, await FinishLoginAsync(result.Ticket!, cancellationToken));
    }

    /// <summary>Null when the state is unknown or expired. A wrong code throws and leaves the state usable.</summary>
    public async Task<GarminLoginResponse?> CompleteMfaAsync(string state, string code, CancellationToken cancellationToken)
    {
        var pending = logins.Find(state);
        if (pending is null)
        {
            return null;
        }

        await session.ThrowIfCoolingDownAsync(GarminCooldown.LoginScope, cancellationToken);
        var result = await Guard(() => auth.VerifyMfaAsync(pending, code.Trim(), cancellationToken), cancellationToken);
        if (result.Ticket is null)
        {
            throw new GarminRejectedException("Garmin asked for another MFA code; try again with the latest code.");
        }

        logins.Remove(state);
        return new GarminLoginResponse(false, null, await FinishLoginAsync(result.Ticket, cancellationToken));
    }

    public async Task<GarminStatus> DisconnectAsync(CancellationToken cancellationToken)
    {
        await session.DisconnectAsync(cancellationToken);
        return await GetStatusAsync(cancellationToken);
    }

    private async Task<GarminStatus> FinishLoginAsync(string ticket, CancellationToken cancellationToken)
    {
        var token = await Guard(() => auth.ExchangeTicketAsync(ticket, "login", cancellationToken), cancellationToken);
        return await ValidateAndConnectAsync(token, cancellationToken);
    }

    private async Task<GarminStatus> ValidateAndConnectAsync(GarminToken candidate, CancellationToken cancellationToken)
    {
        var refreshed = false;
        var margin = TimeSpan.FromMinutes(options.Value.RefreshBeforeExpiryMinutes);
        if (candidate.ExpiresAt - time.GetUtcNow() <= margin && !string.IsNullOrEmpty(candidate.RefreshToken))
        {
            candidate = await RefreshCandidateAsync(candidate, cancellationToken);
            refreshed = true;
        }

        var profile = await api.GetSocialProfileWithTokenAsync(candidate.AccessToken, cancellationToken);
        if (profile is null && !refreshed && !string.IsNullOrEmpty(candidate.RefreshToken))
        {
            candidate = await RefreshCandidateAsync(candidate, cancellationToken);
            profile = await api.GetSocialProfileWithTokenAsync(candidate.AccessToken, cancellationToken);
        }

        if (profile is null)
        {
            throw new GarminRejectedException("Garmin rejected the token (Token is not active); it was not stored.");
        }

        var account = profile.Value.String("fullName") ?? profile.Value.String("userName") ?? profile.Value.String("displayName");
        await session.ConnectAsync(candidate, account, cancellationToken);
        return await GetStatusAsync(cancellationToken);
    }

    private async Task<GarminToken> RefreshCandidateAsync(GarminToken candidate, CancellationToken cancellationToken)
    {
        try
        {
            return await Guard(() => auth.RefreshAsync(candidate, cancellationToken), cancellationToken);
        }
        catch (GarminReauthRequiredException exception)
        {
            throw new GarminRejectedException($"The token's refresh token was refused: {exception.Message}");
        }
    }

    /// <summary>A 429 from a sign-in host becomes a persisted cooldown; nothing is retried.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (GarminRateLimitedException exception)
        {
            throw await session.StartCooldownAsync(exception.Scope, cancellationToken);
        }
    }
}
