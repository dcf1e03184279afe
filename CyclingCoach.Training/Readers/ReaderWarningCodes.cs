namespace CyclingCoach.Training.Readers;

/// <summary>
/// Stable prefixes of the strings in <c>ActivityData.Warnings</c>. Each warning is <c>"code: human detail"</c>;
/// test for a warning with <see cref="Has"/>.
/// </summary>
public static class ReaderWarningCodes
{
    /// <summary>FIT: the data section ends early; the valid prefix was kept.</summary>
    public const string FitTruncated = "fit_truncated";

    /// <summary>FIT: a definition or record header is corrupt mid-file; decoding stopped and the valid prefix was kept.</summary>
    public const string FitCorrupt = "fit_corrupt";

    /// <summary>FIT: the file CRC does not match (data kept; see <see cref="ActivityReaderOptions.RequireValidCrc"/>).</summary>
    public const string FitCrcMismatch = "fit_crc_mismatch";

    /// <summary>FIT: bytes after the last complete FIT file are not another FIT file; they were ignored.</summary>
    public const string FitTrailingData = "fit_trailing_data";

    /// <summary>FIT: the file has several sessions (multisport); <c>Session</c> is the chosen one, all are on <c>FitActivity.Sessions</c>.</summary>
    public const string MultipleSessions = "multiple_sessions";

    /// <summary>FIT: the file has no record messages (summary only).</summary>
    public const string NoRecords = "no_records";

    /// <summary>GPX/TCX: points without a valid lat/lon were skipped or values could not be parsed.</summary>
    public const string InvalidValues = "invalid_values";

    /// <summary>The file name hint disagrees with the content; the content won.</summary>
    public const string ExtensionMismatch = "extension_mismatch";

    public static string Format(string code, string detail) => code + ": " + detail;

    public static bool Has(IEnumerable<string> warnings, string code)
    {
        foreach (var w in warnings)
        {
            if (w.StartsWith(code, StringComparison.Ordinal) && w.Length > code.Length && w[code.Length] == ':')
            {
                return true;
            }
        }
        return false;
    }
}
