namespace CyclingCoach.ServiceDefaults.Problems;

/// <summary>Stable ProblemDetails <c>type</c> values (ARCHITECTURE.md §5). Clients switch on these, never on titles.</summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:cyclingcoach:problem:";

    public const string Validation = Prefix + "validation";
    public const string MalformedBody = Prefix + "malformed-body";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string TooManyAttempts = Prefix + "too-many-attempts";
    public const string NotFound = Prefix + "not-found";
    public const string Conflict = Prefix + "conflict";
    public const string TooLarge = Prefix + "too-large";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string Unavailable = Prefix + "unavailable";
    public const string Internal = Prefix + "internal";

    public static string ForStatus(int status) => status switch
    {
        400 => Validation,
        401 => Unauthorized,
        404 => NotFound,
        409 => Conflict,
        413 => TooLarge,
        415 => UnsupportedMediaType,
        429 => TooManyAttempts,
        502 or 503 or 504 => Unavailable,
        _ when status >= 500 => Internal,
        _ => Prefix + status,
    };
}
