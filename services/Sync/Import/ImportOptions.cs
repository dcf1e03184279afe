namespace CyclingCoach.Sync.Import;

/// <summary><c>Sync:Import:*</c>: upload and archive limits (a zip or gzip is bounded by what it expands to, not what it claims).</summary>
public sealed class ImportOptions
{
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;
    public int MaxZipEntries { get; set; } = 200;
    public long MaxUncompressedBytes { get; set; } = 512L * 1024 * 1024;
    public long MaxEntryBytes { get; set; } = 64L * 1024 * 1024;
}
