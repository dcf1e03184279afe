using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CyclingCoach.Fakes.Garmin;

/// <summary>
/// A fake Garmin on a real Kestrel socket (127.0.0.1:0) serving SSO, diauth and the Connect API from one host,
/// per research/garmin.md §6: JSON SSO with a SESSION cookie and MFA bound to it, single-use short-TTL tickets,
/// diauth with rotation and invalid_grant, Bearer 401 with WWW-Authenticate, 204 for empty data, Cloudflare's 429
/// HTML, 504 on download, newest-first paging with date filters, zip downloads (204/404 for activities without an
/// original), details and splits built from each activity's FIT, the real recorded bodies.
/// </summary>
public sealed partial class FakeGarmin : IAsyncDisposable
{
    public const string ServiceUrl = "https://mobile.integration.garmin.com/gcm/android";
    public const string Username = "rider@example.com";
    public const string Password = "correct-horse-battery-staple";
    public const string MfaUsername = "mfa-rider@example.com";
    public const string MfaPassword = "another-secret-passphrase";
    public const string MfaCode = "482913";
    public const string AccountName = "Anonymous Rider";

    private const string CloudflareHtml =
        "<!DOCTYPE html><html><head><title>Access denied | sso.garmin.com used Cloudflare to restrict access</title></head>" +
        "<body><h1>Error 1015</h1><p>You are being rate limited</p></body></html>";

    private readonly WebApplication app;

    private FakeGarmin(WebApplication app, FakeGarminData data, FakeGarminKnobs knobs, FakeGarminAuthority authority)
    {
        this.app = app;
        Data = data;
        Knobs = knobs;
        Authority = authority;
    }

    public string BaseUrl { get; private set; } = "";
    public FakeGarminData Data { get; }
    public FakeGarminKnobs Knobs { get; }
    public FakeGarminAuthority Authority { get; }
    public FakeGarminCounters Counters { get; } = new();

    public static async Task<FakeGarmin> StartAsync(int activityCount = 120, int nonCyclingEvery = 0, TimeSpan? spacing = null, int withoutOriginal = 0, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var knobs = new FakeGarminKnobs();
        var fake = new FakeGarmin(app, new FakeGarminData(activityCount, nonCyclingEvery, spacing ?? TimeSpan.FromHours(7), withoutOriginal), knobs, new FakeGarminAuthority(knobs));
        fake.Map();
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    public string IssueTicket(string service = ServiceUrl) => Authority.IssueTicket(service);

    public TokenPair IssueTokens(string clientId = "GARMIN_CONNECT_MOBILE_ANDROID_DI", TimeSpan? lifetime = null) =>
        Authority.IssueTokens(clientId, lifetime);

    private void Map()
    {
        app.MapGet("/mobile/sso/en/sign-in", (HttpContext context) =>
        {
            Interlocked.Increment(ref Counters.SignInPages);
            var session = FakeGarminAuthority.RandomString(24);
            Authority.Sessions[session] = new FakeGarminAuthority.SsoSessionState();
            context.Response.Headers.Append("Set-Cookie", $"SESSION={session}; Path=/; HttpOnly");
            context.Response.Headers.Append("Set-Cookie", "__cf_bm=fake; Path=/; HttpOnly");
            return Results.Content("<html><head><title>GARMIN Authentication Application</title></head><body></body></html>", "text/html");
        });
        app.MapPost("/mobile/api/login", (Delegate)Login);
        app.MapPost("/mobile/api/mfa/verifyCode", (Delegate)VerifyMfa);
        app.MapPost("/di-oauth2-service/oauth/token", (Delegate)Token);
        MapControls();

        var api = app.MapGroup("").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            Interlocked.Increment(ref Counters.ApiRequests);
            Counters.ApiPaths.Enqueue(http.Request.Path.Value!);
            var authorization = http.Request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !Authority.IsActive(authorization["Bearer ".Length..]))
            {
                Interlocked.Increment(ref Counters.Unauthorized);
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"Token is not active\"";
                return Results.StatusCode(401);
            }

            if (Knobs.ApiRateLimited)
            {
                return Results.Content(CloudflareHtml, "text/html", Encoding.UTF8, 429);
            }

            if (TakeOne(ref Knobs.ApiServerErrors))
            {
                return Results.StatusCode(503);
            }

            if (Knobs.NoContentPaths.ContainsKey(http.Request.Path.Value!))
            {
                return Results.NoContent();
            }

            return await next(context);
        });

        MapWellness(api);
        MapWorkouts(api);
        MapWorkoutControls();
        api.MapGet("/activitylist-service/activities/search/activities", (int? start, int? limit, string? startDate, string? endDate) =>
        {
            Interlocked.Increment(ref Counters.ListRequests);
            if (limit > 1000)
            {
                return Results.Json(new { message = "limit must not exceed 1000", error = "IllegalArgumentException" }, statusCode: 400);
            }

            var page = Data.Page(start ?? 0, limit ?? 20, ParseDate(startDate), ParseDate(endDate));
            return Results.Content(new JsonArray([.. page.Select(item => item.DeepClone())]).ToJsonString(), "application/json");
        });
        api.MapGet("/activity-service/activity/{id:long}", (long id) => JsonOr404(Data.Summary(id)));
        api.MapGet("/activity-service/activity/{id:long}/details", (long id, int? maxChartSize) =>
        {
            Interlocked.Increment(ref Counters.DetailsRequests);
            return JsonOr404(Data.Details(id, maxChartSize ?? 2000));
        });
        api.MapGet("/activity-service/activity/{id:long}/splits", (long id) => JsonOr404(Data.Splits(id)));
        api.MapGet("/download-service/files/activity/{id:long}", (long id) =>
        {
            Interlocked.Increment(ref Counters.DownloadRequests);
            if (TakeOne(ref Knobs.DownloadGatewayTimeouts))
            {
                return Results.Content("<html><body><h1>504 Gateway Time-out</h1></body></html>", "text/html", Encoding.UTF8, 504);
            }

            if (Data.Exists(id) && !Data.HasOriginal(id))
            {
                // No original kept: Garmin answers 204 for some such activities and 404 for others.
                return id % 2 == 0 ? Results.NoContent() : Results.Json(new { message = "File not found", error = "NotFoundException" }, statusCode: 404);
            }

            var zip = Data.OriginalZip(id);
            if (zip is null)
            {
                return Results.Json(new { message = "Only owner of activity allowed to access this operation", error = "UnauthorizedException" }, statusCode: 403);
            }

            return Results.File(zip, "application/x-zip-compressed", $"{id}.zip");
        });
        api.MapGet("/userprofile-service/socialProfile", () => Results.Json(new
        {
            id = 12345678,
            profileId = 12345678,
            garminGUID = "49117e9d-b3c1-45b0-a1db-732556749653",
            displayName = "anonymous",
            fullName = AccountName,
            userName = Username,
            location = (string?)null,
        }));
        api.MapGet("/userprofile-service/userprofile/user-settings", () => Results.Content(Data.UserSettings, "application/json"));
        api.MapGet("/biometric-service/heartRateZones", () => Results.Content(Data.HeartRateZones, "application/json"));
        api.MapGet("/biometric-service/biometric/latestFunctionalThresholdPower/CYCLING", () =>
        {
            var ftp = JsonNode.Parse(Data.CyclingFtp)!.AsObject();
            if (Knobs.CyclingFtpWatts is { } watts)
            {
                ftp["functionalThresholdPower"] = watts;
                ftp["sport"] = "CYCLING";
                ftp["calendarDate"] = "2026-10-01";
                ftp["biometricSourceType"] = "MANUAL";
                ftp["isStale"] = false;
            }

            return Results.Content(ftp.ToJsonString(), "application/json");
        });
    }

    private async Task<IResult> Login(HttpContext context)
    {
        Interlocked.Increment(ref Counters.LoginPosts);
        if (Knobs.LoginRateLimited)
        {
            return Results.Content(CloudflareHtml, "text/html", Encoding.UTF8, 429);
        }

        var service = context.Request.Query["service"].ToString();
        if (context.Request.Query["clientId"].ToString().Length == 0 || service.Length == 0)
        {
            return Results.Json(new { error = "missing clientId or service" }, statusCode: 400);
        }

        var (sessionId, session) = SessionOf(context);
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var username = (string?)body?["username"];
        var password = (string?)body?["password"];
        if (username == Username && password == Password)
        {
            return Success(context, service);
        }

        if (username == MfaUsername && password == MfaPassword)
        {
            session.PendingMfaUser = username;
            session.Service = service;
            context.Response.Headers.Append("Set-Cookie", $"SESSION={sessionId}; Path=/; HttpOnly");
            return Results.Json(new
            {
                serviceURL = (string?)null,
                serviceTicketId = (string?)null,
                responseStatus = new { type = "MFA_REQUIRED", message = "", httpStatus = "OK" },
                customerMfaInfo = new { email = "mf*****@example.com", phoneNumber = (string?)null, mfaLastMethodUsed = "email", defaultMfaMethod = (string?)null },
                consentTypeList = Array.Empty<object>(),
                captchaAlreadyPassed = false,
                authType = "CAS",
            });
        }

        return Results.Json(new
        {
            responseStatus = new { type = "INVALID_USERNAME_PASSWORD", message = "generalLoginInvalidUsernameOrPassword", httpStatus = "UNAUTHORIZED" },
        }, statusCode: 401);
    }

    private async Task<IResult> VerifyMfa(HttpContext context)
    {
        Interlocked.Increment(ref Counters.MfaPosts);
        if (Knobs.LoginRateLimited)
        {
            return Results.Content(CloudflareHtml, "text/html", Encoding.UTF8, 429);
        }

        var cookie = context.Request.Cookies["SESSION"];
        if (cookie is null || !Authority.Sessions.TryGetValue(cookie, out var session) || session.PendingMfaUser is null)
        {
            return Results.Json(new { responseStatus = new { type = "INVALID_SESSION", message = "", httpStatus = "UNAUTHORIZED" } }, statusCode: 401);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        if ((string?)body?["mfaVerificationCode"] != MfaCode || (string?)body?["mfaMethod"] != "email")
        {
            // The session survives a wrong code (pgc e53c61d).
            return Results.Json(new { responseStatus = new { type = "INVALID_MFA_CODE", message = "mfaCodeInvalid", httpStatus = "BAD_REQUEST" } }, statusCode: 400);
        }

        session.PendingMfaUser = null;
        return Success(context, session.Service!);
    }

    private IResult Success(HttpContext context, string service)
    {
        context.Response.Headers.Append("Set-Cookie", "CASTGC=TGT-fake; Path=/; HttpOnly");
        context.Response.Headers.Append("Set-Cookie", "GARMIN-SSO=1; Path=/");
        return Results.Json(new
        {
            serviceURL = service,
            serviceTicketId = Authority.IssueTicket(service),
            responseStatus = new { type = "SUCCESSFUL", message = "", httpStatus = "OK" },
            responseReason = (string?)null,
            customerMfaInfo = (object?)null,
            consentTypeList = (object?)null,
            captchaAlreadyPassed = false,
            samlResponse = (string?)null,
            authType = "CAS",
        });
    }

    private async Task<IResult> Token(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var clientId = form["client_id"].ToString();
        var basic = context.Request.Headers.Authorization.ToString();
        var expectedBasic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":"));
        if (clientId.Length == 0 || basic != expectedBasic)
        {
            Interlocked.Increment(ref Counters.FailedTokenRequests);
            return Results.Json(new { error = "invalid_client", error_description = "Bad client credentials" }, statusCode: 401);
        }

        if (!Knobs.AcceptedClientIds.ContainsKey(clientId))
        {
            Interlocked.Increment(ref Counters.FailedTokenRequests);
            return Results.Json(new { error = "unauthorized_client", error_description = "Client app validation failed" }, statusCode: 400);
        }

        switch (form["grant_type"].ToString())
        {
            case "https://connectapi.garmin.com/di-oauth2-service/oauth/grant/service_ticket":
                if (!Authority.RedeemTicket(form["service_ticket"].ToString(), form["service_url"].ToString()))
                {
                    Interlocked.Increment(ref Counters.FailedTokenRequests);
                    return Results.Json(new { error = "invalid_grant", error_description = "Invalid service ticket" }, statusCode: 400);
                }

                Interlocked.Increment(ref Counters.TicketExchanges);
                return TokenResponse(Authority.IssueTokens(clientId));
            case "refresh_token":
                var rotated = Authority.Rotate(form["refresh_token"].ToString(), clientId);
                if (rotated is null)
                {
                    Interlocked.Increment(ref Counters.FailedTokenRequests);
                    return Results.Json(new { error = "invalid_grant", error_description = "Invalid refresh token" }, statusCode: 400);
                }

                Interlocked.Increment(ref Counters.Refreshes);
                return TokenResponse(rotated);
            default:
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        }
    }

    private static IResult TokenResponse(TokenPair pair) => Results.Json(new Dictionary<string, object>
    {
        ["scope"] = "CONNECT_READ CONNECT_WRITE",
        ["jti"] = Guid.NewGuid().ToString(),
        ["access_token"] = pair.AccessToken,
        ["token_type"] = "bearer",
        ["refresh_token"] = pair.RefreshToken,
        ["expires_in"] = pair.ExpiresIn,
        ["refresh_token_expires_in"] = pair.RefreshTokenExpiresIn,
    });

    private (string Id, FakeGarminAuthority.SsoSessionState Session) SessionOf(HttpContext context)
    {
        var cookie = context.Request.Cookies["SESSION"];
        if (cookie is not null && Authority.Sessions.TryGetValue(cookie, out var existing))
        {
            return (cookie, existing);
        }

        var id = FakeGarminAuthority.RandomString(24);
        var session = new FakeGarminAuthority.SsoSessionState();
        Authority.Sessions[id] = session;
        context.Response.Headers.Append("Set-Cookie", $"SESSION={id}; Path=/; HttpOnly");
        return (id, session);
    }

    private static IResult JsonOr404(string? json) =>
        json is null ? Results.Json(new { error = "NotFoundException" }, statusCode: 404) : Results.Content(json, "application/json");

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
