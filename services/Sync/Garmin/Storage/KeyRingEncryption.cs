using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CyclingCoach.ServiceDefaults.Storage;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace CyclingCoach.Sync.Garmin.Storage;

/// <summary>
/// The key-encryption key of Sync's Data Protection key ring (the keys that encrypt the stored Garmin tokens and the
/// intervals.icu key): derived with HKDF-SHA256 from <c>Storage:KeyEncryptionKey</c>, a secret kept in the AppHost's
/// secrets.env or compose's .env, never beside the key ring nor in a backup. Without it the ring on disk (and so every
/// stored credential) is unreadable.
/// </summary>
public sealed class KeyRingKey(string secret)
{
    public const string SettingKey = "Storage:KeyEncryptionKey";

    internal byte[] Bytes { get; } = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32,
        info: Encoding.UTF8.GetBytes("cyclingcoach-sync data protection key ring"));
}

/// <summary>Each key's secret part as AES-256-GCM (nonce, tag and ciphertext in one base64 value).</summary>
public sealed class KeyRingEncryptor(KeyRingKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(key.Bytes, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under Storage:KeyEncryptionKey "),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. ciphertext])));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Created by Data Protection by the type named in the key file, through the one constructor it calls
/// (taking the service provider); the key comes from DI.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly KeyRingKey key = services.GetRequiredService<KeyRingKey>();

    public XElement Decrypt(XElement encryptedElement)
    {
        var bytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var nonceLength = AesGcm.NonceByteSizes.MaxSize;
        var tagLength = AesGcm.TagByteSizes.MaxSize;
        if (bytes.Length < nonceLength + tagLength)
        {
            throw new CryptographicException("The encrypted key is truncated.");
        }

        var plaintext = new byte[bytes.Length - nonceLength - tagLength];
        using (var aes = new AesGcm(key.Bytes, tagLength))
        {
            // A different Storage:KeyEncryptionKey fails here (the tag does not verify): the ring stays unreadable.
            aes.Decrypt(bytes.AsSpan(0, nonceLength), bytes.AsSpan(nonceLength + tagLength), bytes.AsSpan(nonceLength, tagLength), plaintext);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}

/// <summary>
/// Keys written before the ring was encrypted hold their secret in clear (<c>requiresEncryption="true"</c>, "the key
/// below is in an unencrypted form"): at start-up they are rewritten in place in the form Data Protection writes
/// itself (an <c>encryptedSecret</c> naming <see cref="KeyRingDecryptor"/>), so what they protect stays readable and
/// nothing readable stays on disk.
/// </summary>
public static class KeyRingFiles
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    public static int EncryptPlaintextKeys(string directory, IXmlEncryptor encryptor)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var rewritten = 0;
        foreach (var path in Directory.EnumerateFiles(directory, "*.xml"))
        {
            var document = XDocument.Load(path);
            var clear = document.Descendants()
                .Where(e => (string?)e.Attribute(DataProtection + "requiresEncryption") == "true")
                .ToList();
            foreach (var element in clear)
            {
                var encrypted = encryptor.Encrypt(new XElement(element));
                element.ReplaceWith(new XElement(DataProtection + "encryptedSecret",
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                    encrypted.EncryptedElement));
            }

            if (clear.Count > 0)
            {
                AtomicFile.WriteAsync(path, Encoding.UTF8.GetBytes(document.ToString()), CancellationToken.None, ownerOnly: true).GetAwaiter().GetResult();
                rewritten++;
            }
        }

        return rewritten;
    }
}
