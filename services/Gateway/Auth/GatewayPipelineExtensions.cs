using System.Diagnostics;
using CyclingCoach.ServiceDefaults.Telemetry;

namespace CyclingCoach.Gateway.Auth;

public static class GatewayPipelineExtensions
{
    public static IApplicationBuilder UseApiKeyAuthentication(this IApplicationBuilder app) => app.UseMiddleware<ApiKeyMiddleware>();

    /// <summary>One log line per request, inside the request's trace (the line carries the trace id), the iCal feed's
    /// secret left out.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("CyclingCoach.Gateway.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/health") && !path.StartsWithSegments("/alive"))
            {
                logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0} ms",
                    context.Request.Method, SecretPaths.Redact(path.Value ?? ""), context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }
}
