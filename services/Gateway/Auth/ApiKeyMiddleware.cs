using CyclingCoach.ServiceDefaults.Problems;
using CyclingCoach.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Gateway.Auth;

/// <summary>
/// Every <c>/api</c> request needs the rider's key in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>. Keys are
/// compared in constant time (<see cref="SecretDigest"/>) and never logged. Wrong keys are counted per client: the
/// connection's address (or, behind a configured proxy, the address it forwards), or the web app when the request
/// carries the web app's own credential, so other callers on the web app's address cannot lock it out.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<ApiKeyOptions> options, FailedAuthLimiter limiter, ILogger<ApiKeyMiddleware> logger)
{
    public const string WebProxyKeyHeader = "X-Web-Proxy-Key";
    private const string WebApp = "web app";

    private readonly SecretDigest apiKey = new(options.Value.ApiKey);
    private readonly SecretDigest webProxyKey = new(options.Value.WebProxyKey);

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || IsCalendarFeed(context.Request))
        {
            await next(context);
            return;
        }

        var claimsWebApp = context.Request.Headers.ContainsKey(WebProxyKeyHeader);
        var fromWebApp = claimsWebApp && webProxyKey.Matches(context.Request.Headers[WebProxyKeyHeader]);
        var client = fromWebApp ? WebApp : context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limiter.IsBlocked(client, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
            await WriteProblemAsync(context, problems, StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyAttempts,
                "Too many failed attempts", $"Too many wrong API keys from this address; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.");
            return;
        }

        var presented = PresentedKey(context.Request);
        if (apiKey.Matches(presented) && (fromWebApp || !claimsWebApp))
        {
            await next(context);
            return;
        }

        if (presented is not null || claimsWebApp)
        {
            limiter.RecordFailure(client);
            logger.LogWarning("Rejected a wrong API key from {Client} for {Method} {Path}", client, context.Request.Method, context.Request.Path);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"cyclingcoach\"";
        await WriteProblemAsync(context, problems, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Unauthorized",
            presented is null && !claimsWebApp
                ? "An API key is required: send it in the X-Api-Key header or as Authorization: Bearer <key>."
                : "The API key is not valid.");
    }

    /// <summary>
    /// The plan's iCal feed: calendar apps cannot send headers, so its URL carries its own revocable secret, which
    /// Coaching checks. Only GET of exactly <c>/api/coach/calendar/{token}.ics</c> passes without the key.
    /// </summary>
    private static bool IsCalendarFeed(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Path.StartsWithSegments("/api/coach/calendar", out var rest)
        && rest.Value is { Length: > 5 } token
        && token.LastIndexOf('/') == 0
        && token.EndsWith(".ics", StringComparison.Ordinal);

    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers["X-Api-Key"].ToString();
        if (!string.IsNullOrEmpty(header))
        {
            return header;
        }

        var authorization = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && authorization.Length > scheme.Length
            ? authorization[scheme.Length..].Trim()
            : null;
    }

    private static async Task WriteProblemAsync(HttpContext context, IProblemDetailsService problems, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}
