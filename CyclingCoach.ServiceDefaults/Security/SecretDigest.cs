using System.Security.Cryptography;
using System.Text;

namespace CyclingCoach.ServiceDefaults.Security;

/// <summary>
/// A secret kept as its SHA-256 digest and compared in constant time (digests of equal length, so neither the
/// content nor the length of the expected value leaks through timing). The secret itself is never logged.
/// </summary>
public sealed class SecretDigest(string secret)
{
    private readonly byte[] expected = SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public bool Matches(string? presented) =>
        !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected);
}
