using System.Security.Cryptography;
using CyclingCoach.ServiceDefaults.Storage;

namespace CyclingCoach.Routes.Storage;

/// <summary>
/// The GPX volume: <c>{Storage:DataPath}/gpx/{sha256}.gpx</c>. Uploads are streamed to a temporary file in the same
/// folder while hashing, then renamed into place (atomic on one file system), so a reader never sees half a file.
/// File names come from the hash only; names sent by clients never reach the file system.
/// </summary>
public sealed class GpxFileStore(StorageOptions storage)
{
    public const string TempPrefix = ".upload-";
    public const string Extension = ".gpx";

    public string Folder { get; } = Path.Combine(storage.DataPath, "gpx");

    public string PathFor(string hash)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a SHA-256 hex string.", nameof(hash));
        }

        return Path.Combine(Folder, hash + Extension);
    }

    /// <summary>
    /// Copies <paramref name="content"/> to a new temporary file, hashing as it goes. Returns null (and leaves nothing
    /// behind) when more than <paramref name="maxBytes"/> arrive.
    /// </summary>
    public async Task<StagedFile?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var temp = Path.Combine(Folder, $"{TempPrefix}{Guid.NewGuid():N}");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        break;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
            }

            if (length > maxBytes)
            {
                File.Delete(temp);
                return null;
            }

            return new StagedFile(temp, Convert.ToHexStringLower(hash.GetHashAndReset()), length);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Renames the staged file to its content address. Returns true when this call created the file, false when a
    /// file with that content was already there (the staged copy is kept for <see cref="Restore"/> and removed by the
    /// caller).
    /// </summary>
    public bool Commit(StagedFile staged)
    {
        var target = PathFor(staged.Hash);
        try
        {
            File.Move(staged.TempPath, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
    }

    /// <summary>
    /// After a route row referencing <paramref name="staged"/>'s hash has committed: puts the staged copy in place if the
    /// content file is gone (removed meanwhile as unreferenced by a failed concurrent upload or the sweeper).
    /// </summary>
    public void Restore(StagedFile staged)
    {
        var target = PathFor(staged.Hash);
        if (File.Exists(target) || !File.Exists(staged.TempPath))
        {
            return;
        }

        try
        {
            File.Move(staged.TempPath, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Someone else restored it: same content.
        }
    }

    public Stream OpenRead(string hash) =>
        new FileStream(PathFor(hash), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public bool Exists(string hash) => File.Exists(PathFor(hash));

    public void Delete(string hash) => TryDelete(PathFor(hash));

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The orphan sweeper retries later.
        }
    }
}

/// <summary>An upload written to a temporary file on the GPX volume, not yet under its content address.</summary>
public sealed record StagedFile(string TempPath, string Hash, long Length);
