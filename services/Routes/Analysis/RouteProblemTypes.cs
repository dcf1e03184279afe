using CyclingCoach.ServiceDefaults.Problems;

namespace CyclingCoach.Routes.Analysis;

/// <summary>Stable ProblemDetails <c>type</c>s of the Routes API on top of <see cref="ProblemTypes"/>.</summary>
public static class RouteProblemTypes
{
    private const string Prefix = "urn:cyclingcoach:problem:";

    /// <summary>0-byte file.</summary>
    public const string GpxEmpty = Prefix + "gpx-empty";

    /// <summary>Content is not GPX (binary, FIT, TCX, other XML roots).</summary>
    public const string GpxNotGpx = Prefix + "gpx-not-gpx";

    /// <summary>The XML has a DOCTYPE (external entities, entity expansion): refused before anything is resolved.</summary>
    public const string GpxDtdProhibited = Prefix + "gpx-dtd-prohibited";

    /// <summary>Not well-formed XML, including truncated files.</summary>
    public const string GpxMalformed = Prefix + "gpx-malformed";

    /// <summary>No track or route point (metadata or waypoints only, empty tracks).</summary>
    public const string GpxNoPoints = Prefix + "gpx-no-points";

    /// <summary>Fewer than two distinct positions: nothing to ride.</summary>
    public const string GpxSinglePoint = Prefix + "gpx-single-point";

    /// <summary>More points than the reader allows.</summary>
    public const string GpxTooManyPoints = Prefix + "gpx-too-many-points";

    /// <summary>The route name (form field or file name) contains path or control characters, or is too long.</summary>
    public const string InvalidName = Prefix + "invalid-name";

    /// <summary>The same file (SHA-256) is already in the library; the body names the route.</summary>
    public const string DuplicateRoute = Prefix + "route-duplicate";

    /// <summary>The library is full (<c>Routes:MaxRoutes</c>).</summary>
    public const string QuotaExceeded = Prefix + "route-quota-exceeded";
}
