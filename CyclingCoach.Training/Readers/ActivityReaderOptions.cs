namespace CyclingCoach.Training.Readers;

/// <summary>Limits and strictness for every reader. Defaults are generous but bounded.</summary>
public sealed record ActivityReaderOptions
{
    public static ActivityReaderOptions Default { get; } = new();

    /// <summary>Maximum bytes read from a GPX/TCX stream (streamed, never held whole). Default 256 MiB.</summary>
    public long MaxInputBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Maximum bytes of a FIT file (read whole into a pooled buffer). Default 64 MiB (a 10 h ride is ~3 MB).</summary>
    public long MaxFitBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Maximum points (GPX trkpt+rtept+wpt, TCX Trackpoint, FIT record). Default 2,000,000.</summary>
    public int MaxPoints { get; init; } = 2_000_000;

    /// <summary>When true a FIT file CRC mismatch throws <c>fit_crc_mismatch</c>; when false (default) it is a warning.</summary>
    public bool RequireValidCrc { get; init; }
}
