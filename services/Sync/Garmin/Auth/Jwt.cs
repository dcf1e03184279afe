using System.Text;
using System.Text.Json;

namespace CyclingCoach.Sync.Garmin.Auth;

/// <summary>Reads (never verifies) the claims of a DI access token: <c>exp</c> and <c>client_id</c> (pgc <c>_decode_jwt_payload</c>).</summary>
internal static class Jwt
{
    public sealed record Claims(DateTimeOffset? ExpiresAt, string? ClientId);

    public static bool TryRead(string token, out Claims claims, out string? problem)
    {
        claims = new Claims(null, null);
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            problem = "is not a JWT (expected three dot-separated parts)";
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url(parts[0]));
            if (header.RootElement.TryGetProperty("alg", out var alg) && string.Equals(alg.GetString(), "none", StringComparison.OrdinalIgnoreCase))
            {
                problem = "is an unsigned JWT (alg none)";
                return false;
            }

            using var payload = JsonDocument.Parse(Base64Url(parts[1]));
            var root = payload.RootElement;
            DateTimeOffset? exp = root.TryGetProperty("exp", out var e) && e.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeSeconds((long)e.GetDouble())
                : null;
            var clientId = root.TryGetProperty("client_id", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            claims = new Claims(exp, clientId);
            problem = null;
            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or ArgumentException)
        {
            problem = "is not a readable JWT";
            return false;
        }
    }

    private static byte[] Base64Url(string segment)
    {
        var s = segment.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return Convert.FromBase64String(s);
    }

    public static string Base64UrlEncode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Base64UrlEncode(string text) => Base64UrlEncode(Encoding.UTF8.GetBytes(text));
}
