namespace CyclingCoach.Sync.Import;

/// <summary>A file the pipeline refuses; <see cref="Code"/> is stable (the reader's code, or one of the pipeline's own).</summary>
public sealed class ImportRejectedException(int status, string code, string message, string? entry = null) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    /// <summary>The zip entry the problem is in, when the upload was a zip.</summary>
    public string? Entry { get; } = entry;
}
