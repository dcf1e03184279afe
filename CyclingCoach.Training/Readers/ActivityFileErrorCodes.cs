namespace CyclingCoach.Training.Readers;

/// <summary>The stable values of <see cref="ActivityFileException.Code"/>. Never rename one: callers map them to API error types.</summary>
public static class ActivityFileErrorCodes
{
    /// <summary>The input has zero bytes.</summary>
    public const string Empty = "empty";

    /// <summary>The input is larger than the configured maximum (<see cref="ActivityReaderOptions.MaxInputBytes"/> / <see cref="ActivityReaderOptions.MaxFitBytes"/>).</summary>
    public const string TooLarge = "too_large";

    /// <summary>The content is neither FIT nor GPX nor TCX (the file name is never trusted).</summary>
    public const string UnsupportedFormat = "unsupported_format";

    /// <summary>FIT: first header is missing, too short, has a bad size or lacks the ".FIT" magic.</summary>
    public const string FitBadHeader = "fit_bad_header";

    /// <summary>FIT: the 14-byte header carries a non-zero CRC that does not match.</summary>
    public const string FitHeaderCrc = "fit_header_crc";

    /// <summary>FIT: the file ends before the first message could be decoded (nothing to salvage).</summary>
    public const string FitTruncated = "fit_truncated";

    /// <summary>FIT: the first file is structurally corrupt before any message could be decoded.</summary>
    public const string FitCorrupt = "fit_corrupt";

    /// <summary>FIT: file CRC mismatch, only raised when <see cref="ActivityReaderOptions.RequireValidCrc"/> is set (otherwise a warning).</summary>
    public const string FitCrcMismatch = "fit_crc_mismatch";

    /// <summary>XML: a DOCTYPE was found; DTDs are prohibited (XXE, entity expansion).</summary>
    public const string DtdProhibited = "dtd_prohibited";

    /// <summary>XML: not well-formed (includes truncated XML).</summary>
    public const string MalformedXml = "malformed_xml";

    /// <summary>XML is well-formed but the root element is not <c>gpx</c>.</summary>
    public const string NotGpx = "not_gpx";

    /// <summary>XML is well-formed but the root element is not <c>TrainingCenterDatabase</c>.</summary>
    public const string NotTcx = "not_tcx";

    /// <summary>More points than <see cref="ActivityReaderOptions.MaxPoints"/>.</summary>
    public const string TooManyPoints = "too_many_points";

    /// <summary>A GPX/TCX file was read fine but has no track or route point to import as a ride.</summary>
    public const string NoPoints = "no_points";
}
