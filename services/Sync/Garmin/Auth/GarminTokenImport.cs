using System.Text;
using System.Text.Json;
using CyclingCoach.Sync.Garmin.Storage;

namespace CyclingCoach.Sync.Garmin.Auth;

/// <summary>A token body that cannot be used; <see cref="Field"/> names the part that is wrong.</summary>
public sealed class GarminTokenFormatException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Reads the token files other Garmin tools write (research §1.7): pgc's <c>garmin_tokens.json</c>
/// (<c>di_token</c>, <c>di_refresh_token</c>, <c>di_client_id</c>), garth's <c>oauth2_token.json</c> (and the
/// <c>[oauth1, oauth2]</c> pair), or a <c>GARTH_TOKEN</c>-style base64 string of either, as a JSON string or
/// inside <c>{ "token": "…" }</c>.
/// </summary>
public static class GarminTokenImport
{
    public static GarminToken Parse(JsonElement body, DateTimeOffset now, string defaultClientId) =>
        Parse(body, now, defaultClientId, depth: 0);

    private static GarminToken Parse(JsonElement body, DateTimeOffset now, string defaultClientId, int depth)
    {
        if (depth > 3)
        {
            throw new GarminTokenFormatException("body", "The token is nested too deeply.");
        }

        switch (body.ValueKind)
        {
            case JsonValueKind.String:
                return Parse(DecodeString(body.GetString()!), now, defaultClientId, depth + 1);
            case JsonValueKind.Array:
                foreach (var item in body.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("access_token", out _))
                    {
                        return Parse(item, now, defaultClientId, depth + 1);
                    }
                }

                throw new GarminTokenFormatException("body", "The array holds no OAuth2 token (expected garth's [oauth1, oauth2] pair).");
            case JsonValueKind.Object:
                break;
            default:
                throw new GarminTokenFormatException("body", "Expected a token file's JSON object or a GARTH_TOKEN string.");
        }

        if (body.TryGetProperty("di_token", out _))
        {
            return FromPgc(body, now);
        }

        if (body.TryGetProperty("access_token", out _))
        {
            return FromOAuth2(body, now, defaultClientId);
        }

        foreach (var wrapper in new[] { "token", "garthToken", "garth_token", "oauth2", "oauth2_token" })
        {
            if (body.TryGetProperty(wrapper, out var inner) && inner.ValueKind is JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Array)
            {
                return Parse(inner, now, defaultClientId, depth + 1);
            }
        }

        if (body.TryGetProperty("oauth_token", out _) || body.TryGetProperty("oauth_token_secret", out _))
        {
            throw new GarminTokenFormatException("oauth_token",
                "This is garth's oauth1_token.json alone; it cannot be used without its OAuth2 token. Send oauth2_token.json, or the GARTH_TOKEN string that holds both.");
        }

        throw new GarminTokenFormatException("body",
            "Unrecognised token: expected pgc's garmin_tokens.json (di_token), garth's oauth2_token.json (access_token) or a GARTH_TOKEN string.");
    }

    private static JsonElement DecodeString(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            throw new GarminTokenFormatException("body", "The token string is empty.");
        }

        if (text[0] is not '{' and not '[')
        {
            try
            {
                var normalized = text.Replace('-', '+').Replace('_', '/');
                normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
                text = Encoding.UTF8.GetString(Convert.FromBase64String(normalized));
            }
            catch (FormatException)
            {
                throw new GarminTokenFormatException("body", "The token string is neither JSON nor base64 (GARTH_TOKEN format).");
            }
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new GarminTokenFormatException("body", "The token string does not decode to JSON.");
        }
    }

    private static GarminToken FromPgc(JsonElement body, DateTimeOffset now)
    {
        var access = RequiredString(body, "di_token");
        var refresh = OptionalString(body, "di_refresh_token");
        var claims = ReadJwt(access, "di_token");
        var clientId = OptionalString(body, "di_client_id") ?? claims.ClientId
            ?? throw new GarminTokenFormatException("di_client_id", "No client id: di_client_id is missing and the token has no client_id claim.");
        var expiresAt = claims.ExpiresAt
            ?? throw new GarminTokenFormatException("di_token", "The token has no exp claim.");
        return new GarminToken(access, refresh, clientId, expiresAt, null, "token:pgc", now);
    }

    private static GarminToken FromOAuth2(JsonElement body, DateTimeOffset now, string defaultClientId)
    {
        var access = RequiredString(body, "access_token");
        var refresh = OptionalString(body, "refresh_token");
        DateTimeOffset? expiresAt = null;
        string? claimClientId = null;
        if (Jwt.TryRead(access, out var claims, out _))
        {
            expiresAt = claims.ExpiresAt;
            claimClientId = claims.ClientId;
        }
        else if (access.Split('.').Length == 3)
        {
            ReadJwt(access, "access_token"); // throws with the reason
        }

        expiresAt ??= OptionalNumber(body, "expires_at") is { } at ? DateTimeOffset.FromUnixTimeSeconds((long)at) : null;
        expiresAt ??= OptionalNumber(body, "expires_in") is { } inSeconds ? now.AddSeconds(inSeconds) : null;
        if (expiresAt is null)
        {
            throw new GarminTokenFormatException("expires_at", "The token's expiry is unknown: no exp claim, expires_at or expires_in.");
        }

        DateTimeOffset? refreshExpiresAt = null;
        if (OptionalNumber(body, "refresh_token_expires_at") is { } refreshAt)
        {
            refreshExpiresAt = DateTimeOffset.FromUnixTimeSeconds((long)refreshAt);
        }
        else if (OptionalNumber(body, "refresh_token_expires_in") is { } refreshIn)
        {
            refreshExpiresAt = now.AddSeconds(refreshIn);
        }

        var clientId = OptionalString(body, "client_id") ?? claimClientId ?? defaultClientId;
        return new GarminToken(access, refresh, clientId, expiresAt.Value, refreshExpiresAt, "token:oauth2", now);
    }

    private static Jwt.Claims ReadJwt(string token, string field) =>
        Jwt.TryRead(token, out var claims, out var problem)
            ? claims
            : throw new GarminTokenFormatException(field, $"The {field} {problem}.");

    private static string RequiredString(JsonElement body, string name) =>
        OptionalString(body, name) ?? throw new GarminTokenFormatException(name, $"{name} is missing or empty.");

    private static string? OptionalString(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static double? OptionalNumber(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
