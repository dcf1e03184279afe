using System.Xml;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// The one way readers open XML: streaming <see cref="XmlReader"/>, DTDs prohibited (XXE, billion laughs), no resolver,
/// byte and character limits, and undeclared namespace prefixes tolerated (<see cref="LenientNamespaceManager"/>) so
/// real-world files (Strava, gpx.studio) still parse; readers match elements by local name.
/// </summary>
internal static class SafeXml
{
    public static XmlReader Open(LimitedReadStream stream, long maxCharacters)
    {
        var names = new NameTable();
        var context = new XmlParserContext(names, new LenientNamespaceManager(names), null, XmlSpace.None);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = maxCharacters,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        return XmlReader.Create(stream, settings, context);
    }

    /// <summary>
    /// Copies the current text or attribute value into <paramref name="buffer"/> without allocating a string. Returns
    /// false when the value does not fit (the rest is drained): callers treat that as an invalid number or time.
    /// </summary>
    public static bool TryValueChunk(XmlReader reader, char[] buffer, out ReadOnlySpan<char> value)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = reader.ReadValueChunk(buffer, total, buffer.Length - total);
            if (n == 0)
            {
                value = buffer.AsSpan(0, total);
                return true;
            }
            total += n;
        }
        var overflow = false;
        while (reader.ReadValueChunk(buffer, 0, buffer.Length) > 0)
        {
            overflow = true;
        }
        value = buffer.AsSpan(0, total);
        return !overflow;
    }

    /// <summary>Attribute <paramref name="name"/> of the current element as a number; NaN when absent or invalid.</summary>
    public static double AttributeNumber(XmlReader reader, string name, char[] buffer)
    {
        if (!reader.MoveToAttribute(name))
        {
            return double.NaN;
        }
        var result = TryValueChunk(reader, buffer, out var text) ? XmlValues.ParseDouble(text) : double.NaN;
        reader.MoveToElement();
        return result;
    }

    public static int? Line(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

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
        if (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            return new ActivityFileException(ActivityFileErrorCodes.TooLarge, "The XML exceeds the size limit.", format, stream.BytesRead, ex.LineNumber, ex);
        }
        return new ActivityFileException(ActivityFileErrorCodes.MalformedXml, $"The XML is not well-formed (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}", format, null, ex.LineNumber, ex);
    }
}
