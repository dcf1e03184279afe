namespace CyclingCoach.ServiceDefaults.Storage;

/// <summary>
/// The one way files are written: into a new temporary file beside the target, flushed to disk (fsync), then renamed
/// over it (atomic on one file system). A reader sees the old file or the new one, never half of one; a write that
/// fails or is cancelled leaves the old file as it was and no temporary file behind.
/// </summary>
public static class AtomicFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/>; <paramref name="ownerOnly"/> creates it 0600 where supported.</summary>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken, bool ownerOnly = false)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = await WriteTempAsync(directory, $".{Path.GetFileName(path)}.", (stream, ct) => stream.WriteAsync(content, ct).AsTask(), ownerOnly, cancellationToken);
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>
    /// Creates <c>{directory}/{prefix}{random}.tmp</c>, lets <paramref name="write"/> fill it, and flushes it to disk.
    /// Returns its path, for the caller to rename into place. If <paramref name="write"/> throws, the file is removed.
    /// </summary>
    public static async Task<string> WriteTempAsync(
        string directory, string prefix, Func<FileStream, CancellationToken, Task> write, bool ownerOnly, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $"{prefix}{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 81920, Options = FileOptions.Asynchronous,
        };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using var stream = new FileStream(temp, options);
            await write(stream, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
            return temp;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Removes a file if it is there; a file that cannot be removed now is left for a later sweep.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next sweep.
        }
    }
}
