using System.Net;

namespace CyclingCoach.Sync.Garmin;

/// <summary>Base of what the Garmin client throws; messages never contain tokens, tickets or passwords.</summary>
public class GarminException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No token is stored.</summary>
public sealed class GarminNotConnectedException()
    : GarminException("Garmin is not connected: import a token, paste a ticket or sign in.");

/// <summary>The token was rejected or could not be refreshed (<c>invalid_grant</c>); a new connection is needed.</summary>
public sealed class GarminReauthRequiredException(string message) : GarminException(message);

/// <summary>Garmin answered 429; nothing is tried again until <see cref="Until"/>.</summary>
public sealed class GarminCooldownException(DateTimeOffset until, string scope)
    : GarminException($"Garmin is rate limiting {(scope == GarminCooldown.LoginScope ? "sign-ins" : "requests")}; cooling down until {until:O}.")
{
    public DateTimeOffset Until { get; } = until;
    public string Scope { get; } = scope;
}

/// <summary>Garmin rejected what the rider supplied (wrong password, wrong MFA code, a used or expired ticket).</summary>
public sealed class GarminRejectedException(string message) : GarminException(message);

/// <summary>Garmin failed or answered something unexpected (5xx after retries, a Cloudflare page, a captcha).</summary>
public sealed class GarminUpstreamException(string message, HttpStatusCode? status = null, Exception? inner = null)
    : GarminException(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}

public static class GarminCooldown
{
    public const string LoginScope = "login";
    public const string ApiScope = "api";
}
