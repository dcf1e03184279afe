using System.Security.Cryptography;
using CyclingCoach.Sync.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.Sync.Tests.Garmin;

/// <summary>
/// The Data Protection keys that encrypt the stored Garmin tokens and intervals.icu key are themselves encrypted
/// with Storage:KeyEncryptionKey, which is kept elsewhere: the volume (and every backup of it) alone reads nothing.
/// </summary>
public sealed class KeyRingTests
{
    private const string Purpose = "key-ring-tests";

    private static string[] KeyFiles(IsolatedSync sync) => Directory.GetFiles(Path.Combine(sync.DataPath, "keys"), "*.xml");

    [Fact]
    public async Task The_key_ring_on_disk_is_encrypted_and_useless_without_the_key_encryption_key()
    {
        await using var sync = await IsolatedSync.StartAsync("keyring");
        var stored = sync.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("garmin-refresh-token");

        var files = KeyFiles(sync);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var xml = await File.ReadAllTextAsync(file);
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("unencrypted form", xml);
            Assert.DoesNotContain("<masterKey", xml);
        }

        await sync.StopHostAsync();
        await sync.StartHostAsync();
        Assert.Equal("garmin-refresh-token", sync.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(stored));

        await sync.StopHostAsync();
        await sync.StartHostAsync(new Dictionary<string, string?> { ["Storage:KeyEncryptionKey"] = "another-key-encryption-key" });
        var protector = sync.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(stored));
    }

    [Fact]
    public async Task Keys_written_in_clear_before_are_encrypted_at_start_up_and_still_read_what_they_protected()
    {
        await using var sync = await IsolatedSync.StartAsync("keyringold");
        await sync.StopHostAsync();
        var keys = Path.Combine(sync.DataPath, "keys");
        foreach (var file in Directory.GetFiles(keys))
        {
            File.Delete(file);
        }

        // The key ring as Sync wrote it before: same folder and application name, no key encryption.
        var old = DataProtectionProvider.Create(new DirectoryInfo(keys), setup => setup.SetApplicationName("cyclingcoach-sync"));
        var stored = old.CreateProtector(Purpose).Protect("intervals-api-key");
        Assert.Contains(KeyFiles(sync), f => File.ReadAllText(f).Contains("unencrypted form"));

        await sync.StartHostAsync();
        Assert.All(KeyFiles(sync), f => Assert.DoesNotContain("<masterKey", File.ReadAllText(f)));
        Assert.Equal("intervals-api-key", sync.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(stored));
    }
}
