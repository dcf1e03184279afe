using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Fakes.Garmin;

namespace CyclingCoach.Sync.Tests.Garmin;

internal static class GarminTestData
{
    /// <summary>garth's <c>oauth2_token.json</c> (indent 4 in garth; epoch-second expiries).</summary>
    public static Dictionary<string, object> GarthOAuth2(TokenPair pair) => new()
    {
        ["scope"] = "CONNECT_READ CONNECT_WRITE",
        ["jti"] = Guid.NewGuid().ToString(),
        ["token_type"] = "Bearer",
        ["access_token"] = pair.AccessToken,
        ["refresh_token"] = pair.RefreshToken,
        ["expires_in"] = pair.ExpiresIn,
        ["expires_at"] = DateTimeOffset.UtcNow.AddSeconds(pair.ExpiresIn).ToUnixTimeSeconds(),
        ["refresh_token_expires_in"] = pair.RefreshTokenExpiresIn,
        ["refresh_token_expires_at"] = DateTimeOffset.UtcNow.AddSeconds(pair.RefreshTokenExpiresIn).ToUnixTimeSeconds(),
    };

    public static Dictionary<string, object?> GarthOAuth1() => new()
    {
        ["oauth_token"] = "4f1c0a6e-1234-4bcd-9a8b-0e5f3c2d1a00",
        ["oauth_token_secret"] = "s3cr3tS3cr3tS3cr3tS3cr3t",
        ["mfa_token"] = null,
        ["mfa_expiration_timestamp"] = null,
        ["domain"] = "garmin.com",
    };

    /// <summary>garth's <c>dumps()</c>: base64 of <c>[oauth1, oauth2]</c>.</summary>
    public static string GarthToken(TokenPair pair) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new object[] { GarthOAuth1(), GarthOAuth2(pair) }));

    public static async Task<JsonElement> ConnectAsync(GarminService service, FakeGarmin garmin, TokenPair? pair = null)
    {
        pair ??= garmin.IssueTokens();
        var response = await service.Client.PostAsJsonAsync("/api/sync/garmin/token", pair.PgcTokens());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    public static async Task<JsonElement> StatusAsync(GarminService service) =>
        await service.Client.GetFromJsonAsync<JsonElement>("/api/sync/garmin");
}
