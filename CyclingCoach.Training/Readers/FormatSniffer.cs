using System.Text;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// Decides the format from the first bytes only: the FIT header (size byte, ".FIT" at offset 8) or the XML root
/// element (<c>gpx</c> / <c>TrainingCenterDatabase</c>, also when named by a DOCTYPE). File names are not consulted.
/// </summary>
public static class FormatSniffer
{
    /// <summary>Bytes to look at; an XML prolog longer than this is unusual and handled via <see cref="SniffResult.LooksLikeXml"/>.</summary>
    public const int PrefixLength = 4096;

    public readonly record struct SniffResult(ActivityFormat? Format, bool LooksLikeXml, string? XmlRoot);

    public static SniffResult Sniff(ReadOnlySpan<byte> prefix)
    {
        if (prefix.Length >= 12 && prefix[0] >= 12 && prefix[8] == '.' && prefix[9] == 'F' && prefix[10] == 'I' && prefix[11] == 'T')
        {
            return new SniffResult(ActivityFormat.Fit, false, null);
        }
        var text = Decode(prefix);
        var root = FindRoot(text, out var looksLikeXml);
        if (root is null)
        {
            return new SniffResult(null, looksLikeXml, null);
        }
        var colon = root.LastIndexOf(':');
        var local = colon < 0 ? root : root[(colon + 1)..];
        ActivityFormat? format = local switch
        {
            "gpx" => ActivityFormat.Gpx,
            "TrainingCenterDatabase" => ActivityFormat.Tcx,
            _ => null,
        };
        return new SniffResult(format, true, root);
    }

    private static string Decode(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(prefix[3..]);
        }
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(prefix[2..(2 + ((prefix.Length - 2) & ~1))]);
        }
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(prefix[2..(2 + ((prefix.Length - 2) & ~1))]);
        }
        return Encoding.UTF8.GetString(prefix);
    }

    /// <summary>Skips the XML declaration, processing instructions, comments and whitespace; returns the root name.</summary>
    private static string? FindRoot(string s, out bool looksLikeXml)
    {
        looksLikeXml = false;
        var i = 0;
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }
            if (i >= s.Length || s[i] != '<')
            {
                return null;
            }
            looksLikeXml = true;
            if (Follows(s, i, "<?"))
            {
                var end = s.IndexOf("?>", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }
                i = end + 2;
            }
            else if (Follows(s, i, "<!--"))
            {
                var end = s.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }
                i = end + 3;
            }
            else if (Follows(s, i, "<!DOCTYPE"))
            {
                i += 9;
                while (i < s.Length && char.IsWhiteSpace(s[i]))
                {
                    i++;
                }
                return ReadName(s, i);
            }
            else
            {
                return ReadName(s, i + 1);
            }
        }
    }

    private static bool Follows(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;

    private static string? ReadName(string s, int i)
    {
        var start = i;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is ':' or '_' or '-' or '.'))
        {
            i++;
        }
        return i > start ? s[start..i] : null;
    }
}
