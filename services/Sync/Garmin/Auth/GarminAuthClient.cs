using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CyclingCoach.Sync.Garmin.Http;
using CyclingCoach.Sync.Garmin.Storage;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Garmin.Auth;

/// <summary>
/// Garmin's sign-in hosts: the mobile JSON SSO (research §1.2 steps 1–3) and diauth's DI OAuth2 token endpoint
/// (§1.4: service ticket → token; refresh_token grant). Never logs passwords, codes, tickets or tokens, and never
/// retries a sign-in by itself.
/// </summary>
public sealed class GarminAuthClient(HttpClient http, IOptions<GarminOptions> options, GarminRetry retry, TimeProvider time, ILogger<GarminAuthClient> logger)
{
    private const string IPhoneAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
    private const string ServiceTicketGrant = "https://connectapi.garmin.com/di-oauth2-service/oauth/grant/service_ticket";

    private GarminOptions Settings => options.Value;

    public async Task<SsoResult> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var session = new SsoSession();
        var query = SsoQuery();

        using (var page = new HttpRequestMessage(HttpMethod.Get, $"{Sso}/mobile/sso/en/sign-in?clientId={Uri.EscapeDataString(Settings.SsoClientId)}"))
        {
            PageHeaders(page, "none");
            using var response = await SendSsoAsync(page, session, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new GarminRateLimitedException(GarminCooldown.LoginScope);
            }
        }

        using var login = new HttpRequestMessage(HttpMethod.Post, $"{Sso}/mobile/api/login?{query}")
        {
            Content = JsonContent.Create(new { username, password, rememberMe = false, captchaToken = "" }),
        };
        JsonHeaders(login);
        using var loginResponse = await SendSsoAsync(login, session, cancellationToken);
        return await ReadSsoAsync(loginResponse, session, mfaStep: false, cancellationToken);
    }

    public async Task<SsoResult> VerifyMfaAsync(SsoSession session, string code, CancellationToken cancellationToken)
    {
        using var verify = new HttpRequestMessage(HttpMethod.Post, $"{Sso}/mobile/api/mfa/verifyCode?{SsoQuery()}")
        {
            Content = JsonContent.Create(new
            {
                mfaMethod = session.MfaMethod,
                mfaVerificationCode = code,
                rememberMyBrowser = false,
                reconsentList = Array.Empty<string>(),
                mfaSetup = false,
            }),
        };
        JsonHeaders(verify);
        using var response = await SendSsoAsync(verify, session, cancellationToken);
        return await ReadSsoAsync(response, session, mfaStep: true, cancellationToken);
    }

    /// <summary>Exchanges a CAS service ticket at diauth, trying the configured client ids in order.</summary>
    public async Task<GarminToken> ExchangeTicketAsync(string ticket, string origin, CancellationToken cancellationToken)
    {
        foreach (var clientId in Settings.DiClientIds)
        {
            using var response = await retry.SendAsync(http, () => TokenRequest(clientId, new Dictionary<string, string>
            {
                ["client_id"] = clientId,
                ["service_ticket"] = ticket,
                ["grant_type"] = ServiceTicketGrant,
                ["service_url"] = Settings.ServiceUrl,
            }), "ticket exchange", cancellationToken, rateLimited: false);

            if (response.IsSuccessStatusCode)
            {
                return await ReadTokenAsync(response, clientId, previousRefreshToken: null, origin, cancellationToken);
            }

            var error = await ReadOAuthErrorAsync(response, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.TooManyRequests:
                    throw new GarminRateLimitedException(GarminCooldown.ApiScope);
                case HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized when error is "invalid_client" or "unauthorized_client":
                    logger.LogInformation("diauth refused client id {ClientId}; trying the next one", clientId);
                    continue;
                case HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized:
                    throw new GarminRejectedException("Garmin rejected the service ticket: it is used, expired or was issued for another service. Tickets last seconds; copy a fresh one.");
                default:
                    throw new GarminUpstreamException($"diauth answered {(int)response.StatusCode} to the ticket exchange.", response.StatusCode);
            }
        }

        throw new GarminUpstreamException("diauth accepted none of the configured client ids (Garmin:DiClientIds).");
    }

    /// <summary>The refresh_token grant; the refresh token rotates, so the result must be stored.</summary>
    public async Task<GarminToken> RefreshAsync(GarminToken token, CancellationToken cancellationToken)
    {
        using var response = await retry.SendAsync(http, () => TokenRequest(token.ClientId, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = token.ClientId,
            ["refresh_token"] = token.RefreshToken!,
        }), "token refresh", cancellationToken, rateLimited: false);

        if (response.IsSuccessStatusCode)
        {
            return await ReadTokenAsync(response, token.ClientId, token.RefreshToken, token.Origin, cancellationToken);
        }

        var error = await ReadOAuthErrorAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new GarminRateLimitedException(GarminCooldown.ApiScope);
        }

        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            throw new GarminReauthRequiredException(
                $"Garmin refused the refresh token ({error ?? "HTTP " + (int)response.StatusCode}); connect again.");
        }

        throw new GarminUpstreamException($"diauth answered {(int)response.StatusCode} to the token refresh.", response.StatusCode);
    }

    private string Sso => Settings.SsoBaseUrl.TrimEnd('/');

    private string SsoQuery() =>
        $"clientId={Uri.EscapeDataString(Settings.SsoClientId)}&locale=en-US&service={Uri.EscapeDataString(Settings.ServiceUrl)}";

    private HttpRequestMessage TokenRequest(string clientId, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Settings.DiAuthBaseUrl.TrimEnd('/')}/di-oauth2-service/oauth/token")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":")));
        request.Headers.TryAddWithoutValidation("User-Agent", "GCM-Android-5.23");
        request.Headers.TryAddWithoutValidation("X-Garmin-User-Agent", "com.garmin.android.apps.connectmobile/5.23; ; Google/sdk_gphone64_arm64/google; Android/33; Dalvik/2.1.0");
        request.Headers.TryAddWithoutValidation("X-Garmin-Paired-App-Version", "10861");
        request.Headers.TryAddWithoutValidation("X-Garmin-Client-Platform", "Android");
        request.Headers.TryAddWithoutValidation("X-App-Ver", "10861");
        request.Headers.TryAddWithoutValidation("X-Lang", "en");
        request.Headers.TryAddWithoutValidation("X-GCExperience", "GC5");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        return request;
    }

    private async Task<GarminToken> ReadTokenAsync(
        HttpResponseMessage response, string clientId, string? previousRefreshToken, string origin, CancellationToken cancellationToken)
    {
        DiTokenResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<DiTokenResponse>(GarminJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            throw new GarminUpstreamException("diauth answered with something that is not a token.");
        }

        if (string.IsNullOrEmpty(body?.AccessToken))
        {
            throw new GarminUpstreamException("diauth's answer holds no access_token.");
        }

        var now = time.GetUtcNow();
        Jwt.TryRead(body.AccessToken, out var claims, out _);
        var expiresAt = claims.ExpiresAt ?? now.AddSeconds(body.ExpiresIn ?? 3600);
        DateTimeOffset? refreshExpiresAt = body.RefreshTokenExpiresIn is { } seconds ? now.AddSeconds(seconds) : null;
        return new GarminToken(
            body.AccessToken,
            body.RefreshToken ?? previousRefreshToken,
            claims.ClientId ?? clientId,
            expiresAt,
            refreshExpiresAt,
            origin,
            now);
    }

    private static async Task<string?> ReadOAuthErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<HttpResponseMessage> SendSsoAsync(HttpRequestMessage request, SsoSession session, CancellationToken cancellationToken)
    {
        session.Apply(request);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new GarminUpstreamException("Garmin's sign-in host could not be reached.", null, exception);
        }

        session.Collect(response);
        return response;
    }

    private async Task<SsoResult> ReadSsoAsync(HttpResponseMessage response, SsoSession session, bool mfaStep, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new GarminRateLimitedException(GarminCooldown.LoginScope);
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new GarminUpstreamException(
                $"Garmin's sign-in answered {(int)response.StatusCode} with a page instead of JSON (Cloudflare blocks scripted sign-ins); import a token or paste a ticket instead.",
                response.StatusCode);
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error)
            && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("status-code", out var code) && code.ToString() == "429")
        {
            throw new GarminRateLimitedException(GarminCooldown.LoginScope);
        }

        var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("responseStatus", out var status)
                   && status.TryGetProperty("type", out var typeElement)
            ? typeElement.GetString()
            : null;

        switch (type)
        {
            case "SUCCESSFUL":
                var ticket = root.TryGetProperty("serviceTicketId", out var t) ? t.GetString() : null;
                if (string.IsNullOrEmpty(ticket))
                {
                    throw new GarminUpstreamException("Garmin's sign-in succeeded but returned no service ticket.");
                }

                return new SsoResult(ticket, false, session);
            case "MFA_REQUIRED":
                if (root.TryGetProperty("customerMfaInfo", out var mfa) && mfa.ValueKind == JsonValueKind.Object
                    && mfa.TryGetProperty("mfaLastMethodUsed", out var method) && method.ValueKind == JsonValueKind.String)
                {
                    session.MfaMethod = method.GetString()!;
                }

                return new SsoResult(null, true, session);
            case "INVALID_USERNAME_PASSWORD" or "INVALID_CREDENTIALS":
                throw new GarminRejectedException("Garmin rejected the username or password.");
            case "CAPTCHA_REQUIRED":
                throw new GarminUpstreamException("Garmin asks for a captcha; sign in through the browser and paste the ticket, or import a token.");
            default:
                if (mfaStep && response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
                {
                    throw new GarminRejectedException("Garmin rejected the MFA code; try again with the latest code.");
                }

                throw new GarminUpstreamException($"Garmin's sign-in answered {(int)response.StatusCode} ({type ?? "no status"}).", response.StatusCode);
        }
    }

    private static void PageHeaders(HttpRequestMessage request, string fetchSite)
    {
        request.Headers.TryAddWithoutValidation("User-Agent", IPhoneAgent);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Mode", "navigate");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Dest", "document");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
    }

    private void JsonHeaders(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("User-Agent", IPhoneAgent);
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/plain, */*");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");
        request.Headers.TryAddWithoutValidation("Origin", Sso);
    }
}
