using System.Text.Json;
using CyclingCoach.ServiceDefaults.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace CyclingCoach.Sync.Garmin.Storage;

/// <summary>
/// The token file: JSON encrypted with ASP.NET Core Data Protection (keys under <c>DataPath/keys</c>), written
/// atomically after every change (the refresh token rotates, research §1.5).
/// </summary>
public sealed class GarminTokenStore(GarminFiles files, IDataProtectionProvider dataProtection, ILogger<GarminTokenStore> logger)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("CyclingCoach.Sync.Garmin.Token.v1");

    public async Task<GarminToken?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(files.TokenPath))
        {
            return null;
        }

        try
        {
            var protectedBytes = await File.ReadAllBytesAsync(files.TokenPath, cancellationToken);
            return JsonSerializer.Deserialize<GarminToken>(protector.Unprotect(protectedBytes), GarminJson.Options);
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or JsonException)
        {
            // Lost keys or a damaged file: the token is unusable, which is the same as needing a new sign-in.
            logger.LogWarning("The stored Garmin token could not be read ({Error}); a new connection is needed", exception.GetType().Name);
            return null;
        }
    }

    public Task SaveAsync(GarminToken token, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(files.TokenPath, protector.Protect(JsonSerializer.SerializeToUtf8Bytes(token, GarminJson.Options)), cancellationToken, ownerOnly: true);

    public void Delete()
    {
        if (File.Exists(files.TokenPath))
        {
            File.Delete(files.TokenPath);
        }
    }
}
