using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CyclingCoach.Fakes.Garmin;

/// <summary>
/// The fake's sign-in state: SSO cookie sessions (MFA is bound to one), single-use short-lived CAS tickets bound to
/// their service URL, and DI OAuth2 tokens (HS256 JWTs with exp and client_id; refresh tokens rotate).
/// </summary>
public sealed class FakeGarminAuthority(FakeGarminKnobs knobs)
{
    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (string Service, DateTimeOffset ExpiresAt)> tickets = new();
    private readonly ConcurrentDictionary<string, (string ClientId, DateTimeOffset ExpiresAt)> accessTokens = new();
    private readonly ConcurrentDictionary<string, (string ClientId, DateTimeOffset ExpiresAt)> refreshTokens = new();
    private readonly object refreshLock = new();

    public ConcurrentDictionary<string, SsoSessionState> Sessions { get; } = new();

    public sealed class SsoSessionState
    {
        public string? PendingMfaUser;
        public string? Service;
    }

    public string IssueTicket(string service)
    {
        var ticket = $"ST-{RandomNumberGenerator.GetInt32(100000, 999999)}-{RandomString(20)}-sso";
        tickets[ticket] = (service, DateTimeOffset.UtcNow + knobs.TicketLifetime);
        return ticket;
    }

    /// <summary>Consumes the ticket: valid once, before its TTL, for its own service.</summary>
    public bool RedeemTicket(string ticket, string service) =>
        tickets.TryRemove(ticket, out var entry) && entry.ExpiresAt > DateTimeOffset.UtcNow && entry.Service == service;

    public TokenPair IssueTokens(string clientId, TimeSpan? accessLifetime = null)
    {
        var now = DateTimeOffset.UtcNow;
        var lifetime = accessLifetime ?? knobs.AccessTokenLifetime;
        var access = Jwt(clientId, now, now + lifetime);
        var refresh = RandomString(48);
        accessTokens[access] = (clientId, now + lifetime);
        refreshTokens[refresh] = (clientId, now + knobs.RefreshTokenLifetime);
        return new TokenPair(access, refresh, clientId, (long)lifetime.TotalSeconds, (long)knobs.RefreshTokenLifetime.TotalSeconds);
    }

    /// <summary>The refresh grant: the old refresh token dies, a new pair is issued; unknown → null (invalid_grant).</summary>
    public TokenPair? Rotate(string refreshToken, string clientId)
    {
        lock (refreshLock)
        {
            if (!refreshTokens.TryGetValue(refreshToken, out var entry) || entry.ExpiresAt <= DateTimeOffset.UtcNow || entry.ClientId != clientId)
            {
                return null;
            }

            refreshTokens.TryRemove(refreshToken, out _);
            return IssueTokens(clientId);
        }
    }

    public bool IsActive(string accessToken) =>
        accessTokens.TryGetValue(accessToken, out var entry) && entry.ExpiresAt > DateTimeOffset.UtcNow;

    public bool IsRefreshTokenActive(string refreshToken) => refreshTokens.ContainsKey(refreshToken);

    /// <summary>"Token is not active" for every access token issued so far (refresh tokens stay valid).</summary>
    public void RevokeAccessTokens() => accessTokens.Clear();

    public void RevokeRefreshTokens() => refreshTokens.Clear();

    public IReadOnlyCollection<string> ActiveRefreshTokens => refreshTokens.Keys.ToList();

    public static string Jwt(string clientId, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string alg = "HS256")
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg, typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["scope"] = new[] { "CONNECT_READ", "CONNECT_WRITE" },
            ["iss"] = "https://diauth.garmin.com",
            ["client_id"] = clientId,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString(),
        }));
        if (alg == "none")
        {
            return $"{header}.{payload}.";
        }

        var signature = Base64Url(HMACSHA256.HashData(SigningKey, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    public static string RandomString(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record TokenPair(string AccessToken, string RefreshToken, string ClientId, long ExpiresIn, long RefreshTokenExpiresIn)
{
    /// <summary>python-garminconnect's <c>garmin_tokens.json</c> for this pair.</summary>
    public object PgcTokens() => new { di_token = AccessToken, di_refresh_token = RefreshToken, di_client_id = ClientId };
}
