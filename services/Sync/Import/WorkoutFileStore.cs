using CyclingCoach.ServiceDefaults.Storage;

namespace CyclingCoach.Sync.Import;

/// <summary>
/// Original files under <c>Storage:DataPath/files/</c>, named by their SHA-256 only (a source's file name never
/// reaches the file system), written to a temporary file and renamed into place so a reader never sees half a file.
/// </summary>
public sealed class WorkoutFileStore(StorageOptions storage)
{
    private string Root => Path.Combine(storage.DataPath, "files");

    public string PathOf(string sha256, string format) => Path.Combine(Root, sha256[..2], $"{sha256}.{format.ToLowerInvariant()}");

    public async Task SaveAsync(string sha256, string format, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256, format);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".tmp-{Guid.NewGuid():N}");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public Stream? OpenRead(string sha256, string format)
    {
        var path = PathOf(sha256, format);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    public void Delete(string sha256, string format)
    {
        var path = PathOf(sha256, format);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
