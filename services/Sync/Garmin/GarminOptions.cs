namespace CyclingCoach.Sync.Garmin;

/// <summary>
/// <c>Garmin:*</c> settings (research/garmin.md). Every base URL is configurable so tests can point at the fake
/// Garmin; the defaults are the real hosts.
/// </summary>
public sealed class GarminOptions
{
    public const string SectionName = "Garmin";

    public string SsoBaseUrl { get; set; } = "https://sso.garmin.com";
    public string ApiBaseUrl { get; set; } = "https://connectapi.garmin.com";
    public string DiAuthBaseUrl { get; set; } = "https://diauth.garmin.com";

    /// <summary>The CAS service a login ticket is bound to (garth's Android constants, research §1.2).</summary>
    public string SsoClientId { get; set; } = "GCM_ANDROID_DARK";
    public string ServiceUrl { get; set; } = "https://mobile.integration.garmin.com/gcm/android";

    /// <summary>DI OAuth2 client ids tried in order when exchanging a ticket (pgc, research §1.4).</summary>
    public string[] DiClientIds { get; set; } =
    [
        "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2",
        "GARMIN_CONNECT_MOBILE_ANDROID_DI_2024Q4",
        "GARMIN_CONNECT_MOBILE_ANDROID_DI",
        "GARMIN_CONNECT_MOBILE_IOS_DI",
    ];

    /// <summary>How long a 429 from Garmin blocks further attempts; at least an hour (research §4.2).</summary>
    public int CooldownMinutes { get; set; } = 60;

    /// <summary>Client-side limit on API requests; 0 or less turns it off.</summary>
    public double RequestsPerSecond { get; set; } = 20;

    /// <summary>Refresh the access token this long before it expires (pgc: 900 s).</summary>
    public int RefreshBeforeExpiryMinutes { get; set; } = 15;

    /// <summary>Attempts for a 5xx/504 or network failure (the first try included), with jittered exponential backoff.</summary>
    public int MaxAttempts { get; set; } = 3;
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;
    public int RetryMaxDelayMilliseconds { get; set; } = 10000;

    /// <summary>Activity list page size (Garmin caps it at 1000) and the most pages one listing reads.</summary>
    public int PageSize { get; set; } = 100;
    public int MaxPages { get; set; } = 2000;

    /// <summary>
    /// <c>maxChartSize</c> asked of <c>activity/{id}/details</c> when an activity has no original: Garmin returns at most
    /// about this many samples (pgc asks 2000; a 3 h ride then comes every ~6 s). 20,000 covers 5.5 h at 1 Hz.
    /// [Uncertain: the largest value Garmin honours; the importer takes whatever spacing comes back.]
    /// </summary>
    public int DetailsMaxChartSize { get; set; } = 20_000;

    /// <summary>What counts as a ride: the parentTypeId 2 family plus these type keys (research §3.1).</summary>
    public int[] CyclingParentTypeIds { get; set; } = [2];
    public string[] CyclingTypeKeys { get; set; } = ["cycling"];

    /// <summary>Optional; used only when a login request does not carry them.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>How long a pending MFA login (its SSO cookie session) is kept.</summary>
    public int MfaSessionMinutes { get; set; } = 10;
}
