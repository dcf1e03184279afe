using System.Net;

namespace CyclingCoach.Sync.Garmin.Auth;

/// <summary>
/// One SSO sign-in's cookie jar (SESSION, CASTGC, …). MFA codes are bound to it (research §4.5), so a pending MFA
/// login keeps it; the shared HttpClient never stores cookies itself.
/// </summary>
public sealed class SsoSession
{
    public CookieContainer Cookies { get; } = new();
    public string MfaMethod { get; set; } = "email";

    public void Apply(HttpRequestMessage request)
    {
        var header = Cookies.GetCookieHeader(request.RequestUri!);
        if (!string.IsNullOrEmpty(header))
        {
            request.Headers.TryAddWithoutValidation("Cookie", header);
        }
    }

    public void Collect(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        var uri = response.RequestMessage!.RequestUri!;
        foreach (var value in values)
        {
            try
            {
                Cookies.SetCookies(uri, value);
            }
            catch (CookieException)
            {
                // A cookie we cannot parse is one we do not need.
            }
        }
    }
}

/// <summary>What the SSO answered: a service ticket, or a request for an MFA code on this session.</summary>
public sealed record SsoResult(string? Ticket, bool MfaRequired, SsoSession Session);
