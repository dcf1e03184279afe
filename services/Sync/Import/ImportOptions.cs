namespace CyclingCoach.Sync.Import;

/// <summary>
/// <c>Sync:Import:*</c>: the limits of one upload request (<c>POST /api/workouts/import</c>), whatever it holds: its
/// body is at most <see cref="MaxUploadBytes"/> (the gateway lets that much through) and is spooled to disk as it
/// arrives; all its files together, bare or inside zip/gzip archives, are at most <see cref="MaxFiles"/> and expand
/// to at most <see cref="MaxUncompressedBytes"/> (what an archive expands to, not what it claims), one file to at
/// most <see cref="MaxEntryBytes"/>. A downloaded file of a sync run gets the same limits on its own.
/// </summary>
public sealed class ImportOptions
{
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;
    public int MaxFiles { get; set; } = 200;
    public long MaxUncompressedBytes { get; set; } = 256L * 1024 * 1024;
    public long MaxEntryBytes { get; set; } = 64L * 1024 * 1024;
}
