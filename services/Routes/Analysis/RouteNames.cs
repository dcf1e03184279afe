namespace CyclingCoach.Routes.Analysis;

/// <summary>
/// Route names as typed by the rider or taken from the file. A name sent by the client is refused when it has path or
/// control characters (ARCHITECTURE.md §5: names never reach the file system, and a name that looks like a path is a mistake
/// or an attack); a name read from GPX content is cleaned instead, since the rider did not choose it.
/// </summary>
public static class RouteNames
{
    public const int MaxLength = 200;

    private static readonly char[] PathCharacters = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>Null when the name is acceptable, else why not.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "The name must not be empty.";
        }

        if (name.Length > MaxLength)
        {
            return $"The name must be at most {MaxLength} characters.";
        }

        if (name.IndexOfAny(PathCharacters) >= 0 || name.Contains("..", StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            return "The name must not contain path characters (/ \\ : * ? \" < > |), '..' or control characters.";
        }

        return null;
    }

    /// <summary>A name from GPX content or a file name: control characters removed, trimmed, cut to the maximum.</summary>
    public static string? Clean(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var cleaned = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length > MaxLength)
        {
            cleaned = cleaned[..MaxLength].TrimEnd();
        }

        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>A download name for Content-Disposition: letters, digits, space, '-', '_' and '.' only.</summary>
    public static string DownloadName(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' ? c : '_').ToArray()).Trim(' ', '.');
        if (safe.Length == 0)
        {
            safe = "route";
        }

        return (safe.Length > 100 ? safe[..100] : safe) + ".gpx";
    }
}
