using System.Security.Cryptography;

namespace CyclingCoach.ServiceDefaults.Storage;

/// <summary>
/// Files named by the SHA-256 of their content: <c>{Folder}/{sha256}.{extension}</c>, or with
/// <paramref name="shardByPrefix"/> <c>{Folder}/{sha256[..2]}/{sha256}.{extension}</c>. Names sent by clients never
/// reach the file system. Every write goes through <see cref="AtomicFile"/> (temporary file in <see cref="Folder"/>,
/// fsync, rename), so a reader never sees half a file and a failed write leaves nothing; writing content that is
/// already stored changes nothing. Temporary files start with <see cref="TempPrefix"/> (a sweeper may remove old ones).
/// </summary>
public class ContentFileStore(string folder, bool shardByPrefix = false)
{
    public const string TempPrefix = ".upload-";

    public string Folder { get; } = Path.GetFullPath(folder);

    public string PathOf(string sha256, string extension)
    {
        if (!IsSha256(sha256))
        {
            throw new ArgumentException("Not a lower-case SHA-256 hex string.", nameof(sha256));
        }

        var name = $"{sha256}.{extension.TrimStart('.').ToLowerInvariant()}";
        return shardByPrefix ? Path.Combine(Folder, sha256[..2], name) : Path.Combine(Folder, name);
    }

    /// <summary>Stores <paramref name="content"/> (whose hash is <paramref name="sha256"/>). False when it was already stored.</summary>
    public async Task<bool> WriteAsync(string sha256, string extension, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (Exists(sha256, extension))
        {
            return false;
        }

        var temp = await AtomicFile.WriteTempAsync(Folder, TempPrefix, (stream, ct) => stream.WriteAsync(content, ct).AsTask(), ownerOnly: false, cancellationToken);
        try
        {
            return MoveIntoPlace(temp, PathOf(sha256, extension));
        }
        finally
        {
            AtomicFile.TryDelete(temp);
        }
    }

    /// <summary>
    /// Copies <paramref name="content"/> to a new temporary file, hashing as it goes, for a caller that decides after
    /// reading it whether to keep it (<see cref="Commit"/>). Returns null (and leaves nothing behind) when more than
    /// <paramref name="maxBytes"/> arrive.
    /// </summary>
    public async Task<StagedFile?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        var temp = await AtomicFile.WriteTempAsync(Folder, TempPrefix, async (file, ct) =>
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }, ownerOnly: false, cancellationToken);

        if (length > maxBytes)
        {
            AtomicFile.TryDelete(temp);
            return null;
        }

        return new StagedFile(temp, Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }

    /// <summary>
    /// Renames the staged file to its content address. True when this call created the file; false when the content
    /// was already there (the staged copy is kept for <see cref="Restore"/>; <see cref="Discard"/> removes it).
    /// </summary>
    public bool Commit(StagedFile staged, string extension) => MoveIntoPlace(staged.TempPath, PathOf(staged.Hash, extension));

    /// <summary>Puts the staged copy in place if the content file has gone meanwhile (removed as unreferenced by someone else).</summary>
    public void Restore(StagedFile staged, string extension)
    {
        if (!Exists(staged.Hash, extension) && File.Exists(staged.TempPath))
        {
            MoveIntoPlace(staged.TempPath, PathOf(staged.Hash, extension));
        }
    }

    public static void Discard(StagedFile staged) => AtomicFile.TryDelete(staged.TempPath);

    public bool Exists(string sha256, string extension) => File.Exists(PathOf(sha256, extension));

    /// <summary>The stored file, or null when there is none.</summary>
    public Stream? OpenRead(string sha256, string extension)
    {
        try
        {
            return new FileStream(PathOf(sha256, extension), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes the stored file if it is there (one that cannot be removed now is left for a sweep).</summary>
    public void Delete(string sha256, string extension) => AtomicFile.TryDelete(PathOf(sha256, extension));

    /// <summary>The hash a content file's name carries, or null for any other name (temporary files included).</summary>
    public static string? HashOf(string fileName, string extension)
    {
        var suffix = "." + extension.TrimStart('.');
        return fileName.Length == 64 + suffix.Length && fileName.EndsWith(suffix, StringComparison.Ordinal) && IsSha256(fileName[..64])
            ? fileName[..64]
            : null;
    }

    private static bool IsSha256(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);

    /// <summary>Renames without replacing: content files never change, so one already there is the same content.</summary>
    private static bool MoveIntoPlace(string temp, string target)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
    }
}

/// <summary>An upload written to a temporary file of a <see cref="ContentFileStore"/>, not yet under its content address.</summary>
public sealed record StagedFile(string TempPath, string Hash, long Length);
