using System.Text.Json.Serialization;

namespace CyclingCoach.Sync.Garmin.Auth;

/// <summary>diauth's token response (research §1.5; p2g's <c>OAuth2Token</c>).</summary>
public sealed record DiTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] double? ExpiresIn,
    [property: JsonPropertyName("refresh_token_expires_in")] double? RefreshTokenExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("jti")] string? Jti);
