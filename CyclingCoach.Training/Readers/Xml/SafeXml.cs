using System.Xml;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// The one way readers open XML: streaming, DTDs prohibited (XXE, billion laughs), no resolver, byte limit, and
/// namespace processing off so real-world files with undeclared prefixes (Strava, gpx.studio) still parse; elements
/// are matched by local name (<see cref="LocalName"/>).
/// </summary>
internal static class SafeXml
{
    public static XmlTextReader Open(LimitedReadStream stream)
    {
        // XmlTextReader (not XmlReader.Create) because only it can switch namespace checking off.
        return new XmlTextReader(stream)
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            Namespaces = false,
            WhitespaceHandling = WhitespaceHandling.None,
            Normalization = false,
        };
    }

    /// <summary>The part of a qualified name after the last ':'.</summary>
    public static string LocalName(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon < 0 ? name : name[(colon + 1)..];
    }

    /// <summary>Maps an XmlException (or the absence of any byte) to the stable error codes.</summary>
    public static ActivityFileException Classify(XmlException ex, LimitedReadStream stream, ActivityFormat format)
    {
        if (stream.BytesRead == 0)
        {
            return new ActivityFileException(ActivityFileErrorCodes.Empty, "The input is empty.", format, 0);
        }
        // The DTD message is the only way XmlException tells this case apart; resources are invariant (English).
        if (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return new ActivityFileException(ActivityFileErrorCodes.DtdProhibited, "The XML contains a DOCTYPE; DTDs are not allowed.", format, null, ex.LineNumber, ex);
        }
        return new ActivityFileException(ActivityFileErrorCodes.MalformedXml, $"The XML is not well-formed (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", format, null, ex.LineNumber, ex);
    }
}
