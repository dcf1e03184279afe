using CyclingCoach.Routes.Data;
using CyclingCoach.Routes.Options;
using CyclingCoach.ServiceDefaults.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Routes.Storage;

/// <summary>
/// Removes what a crash between file write and database commit can leave on the GPX volume: content files with no
/// route row and abandoned temporary uploads, once older than <see cref="RoutesOptions.OrphanMinAge"/> (so an upload
/// still in flight is never touched). Other files are left alone.
/// </summary>
public sealed class GpxOrphanSweeper(
    GpxFileStore files,
    IServiceScopeFactory scopes,
    IOptions<RoutesOptions> options,
    TimeProvider time,
    ILogger<GpxOrphanSweeper> logger)
{
    /// <summary>Returns the paths removed.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(files.Folder))
        {
            return [];
        }

        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.OrphanMinAge;
        var candidates = new List<(string Path, string? Hash)>();
        foreach (var path in Directory.EnumerateFiles(files.Folder))
        {
            var name = Path.GetFileName(path);
            if (File.GetLastWriteTimeUtc(path) > cutoff)
            {
                continue;
            }

            if (name.StartsWith(ContentFileStore.TempPrefix, StringComparison.Ordinal))
            {
                candidates.Add((path, null));
            }
            else if (ContentFileStore.HashOf(name, GpxFileStore.Extension) is { } hash)
            {
                candidates.Add((path, hash));
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var hashes = candidates.Where(c => c.Hash is not null).Select(c => c.Hash!).ToList();
        HashSet<string> referenced;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RoutesDbContext>();
            referenced = (await db.Routes.AsNoTracking().Where(r => hashes.Contains(r.ContentHash)).Select(r => r.ContentHash)
                .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        }

        var removed = new List<string>();
        foreach (var (path, hash) in candidates)
        {
            if (hash is not null && referenced.Contains(hash))
            {
                continue;
            }

            AtomicFile.TryDelete(path);
            if (!File.Exists(path))
            {
                removed.Add(path);
            }
        }

        if (removed.Count > 0)
        {
            logger.LogWarning("Removed {Count} orphaned file(s) from the GPX volume", removed.Count);
        }

        return removed;
    }
}
