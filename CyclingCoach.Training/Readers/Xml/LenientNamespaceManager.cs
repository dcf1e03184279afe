using System.Xml;

namespace CyclingCoach.Training.Readers;

/// <summary>
/// Resolves an undeclared namespace prefix to a private placeholder URI instead of failing, so real exports with
/// undeclared prefixes (Strava's <c>gpxdata:</c>, gpx.studio's <c>gpxpx:</c>) stay readable. Readers match elements by
/// local name, so the URI is never used.
/// </summary>
internal sealed class LenientNamespaceManager(XmlNameTable nameTable) : XmlNamespaceManager(nameTable)
{
    public override string? LookupNamespace(string prefix) => base.LookupNamespace(prefix) ?? "urn:cyclingcoach:undeclared-prefix:" + prefix;
}
