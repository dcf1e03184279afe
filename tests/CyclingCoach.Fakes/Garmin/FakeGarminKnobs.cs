using System.Collections.Concurrent;

namespace CyclingCoach.Fakes.Garmin;

/// <summary>Switches for the failures research/garmin.md §6 lists; tests flip them while the fake runs.</summary>
public sealed class FakeGarminKnobs
{
    /// <summary>Cloudflare's 429 HTML on <c>/mobile/api/login</c> and MFA (the sign-in page still loads).</summary>
    public volatile bool LoginRateLimited;

    /// <summary>429 on every API request.</summary>
    public volatile bool ApiRateLimited;

    /// <summary>The next N original downloads answer 504.</summary>
    public int DownloadGatewayTimeouts;

    /// <summary>The next N API requests (any path) answer 503.</summary>
    public int ApiServerErrors;

    public TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(86400);
    public TimeSpan RefreshTokenLifetime = TimeSpan.FromSeconds(2592000);
    public TimeSpan TicketLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Cycling FTP served by latestFunctionalThresholdPower (null: the real fixture, all nulls).</summary>
    public double? CyclingFtpWatts;

    /// <summary>Paths (without query) that answer 204 No Content.</summary>
    public ConcurrentDictionary<string, bool> NoContentPaths { get; } = new();

    /// <summary>DI client ids diauth accepts (the quarterly ids go stale; research §1.4).</summary>
    public ConcurrentDictionary<string, bool> AcceptedClientIds { get; } = new(new Dictionary<string, bool>
    {
        ["GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2"] = true,
        ["GARMIN_CONNECT_MOBILE_ANDROID_DI"] = true,
    });
}

/// <summary>What reached the fake, for "exactly one refresh" and "no second attempt" assertions.</summary>
public sealed class FakeGarminCounters
{
    public int SignInPages;
    public int LoginPosts;
    public int MfaPosts;
    public int TicketExchanges;
    public int Refreshes;
    public int FailedTokenRequests;
    public int Unauthorized;
    public int ListRequests;
    public int DownloadRequests;
    public int DetailsRequests;
    public int ApiRequests;
    public ConcurrentQueue<string> ApiPaths { get; } = new();

    public int SsoRequests => Volatile.Read(ref SignInPages) + Volatile.Read(ref LoginPosts) + Volatile.Read(ref MfaPosts);

    public int PathCount(string path) => ApiPaths.Count(p => p == path);
}
