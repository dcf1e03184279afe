namespace CyclingCoach.Sync.Garmin.Storage;

/// <summary>
/// The DI OAuth2 token we hold (research §1.7 "our design"): access token (a JWT), the rotating refresh token, the
/// client id it was issued to and absolute expiries. Stored only encrypted.
/// </summary>
public sealed record GarminToken(
    string AccessToken,
    string? RefreshToken,
    string ClientId,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RefreshTokenExpiresAt,
    string Origin,
    DateTimeOffset ObtainedAt,
    int Version = 1);
