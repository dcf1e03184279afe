using CyclingCoach.ServiceDefaults.Configuration;
using CyclingCoach.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CyclingCoach.ServiceDefaults.Security;

/// <summary>
/// A service behind the gateway answers the gateway only: a request must name one of the service's own hosts
/// (<c>localhost</c>, a loopback address, its resource name; a DNS-rebinding page names its own), carry the per-stack
/// credential the gateway adds (<see cref="HeaderName"/> = <c>Auth:ServiceKey</c>), and a state change (POST, PUT,
/// PATCH) must come with a JSON or multipart body, which neither a cross-site form nor a body-less cross-site fetch
/// can send without a CORS preflight. <c>/health</c> and <c>/alive</c> need no credential (the orchestrators probe
/// them), only a right host name.
/// </summary>
public static class GatewayOnlyAccess
{
    public const string HeaderName = "X-Service-Key";
    public const string SettingKey = "Auth:ServiceKey";

    public static IHostApplicationBuilder AddGatewayOnlyAccess(this IHostApplicationBuilder builder, string resourceName)
    {
        var key = new SecretDigest(builder.Configuration.GetRequiredSecret(SettingKey));
        builder.Services.AddKeyedSingleton(SettingKey, key);
        // AllowedHosts (configuration) wins when set; ASP.NET Core's host filtering answers anything else with 400.
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
        {
            builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = ["localhost", "127.0.0.1", "[::1]", resourceName]);
        }

        return builder;
    }

    public static WebApplication UseGatewayOnlyAccess(this WebApplication app)
    {
        var key = app.Services.GetRequiredKeyedService<SecretDigest>(SettingKey);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments(Extensions.HealthEndpointPath) || request.Path.StartsWithSegments(Extensions.AlivenessEndpointPath))
            {
                await next(context);
            }
            else if (!key.Matches(request.Headers[HeaderName]))
            {
                await WriteProblemAsync(context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Unauthorized",
                    "This service answers the gateway only: send the request to the gateway.");
            }
            else if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
                     && !request.HasJsonContentType() && !IsMultipart(request))
            {
                await WriteProblemAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type",
                    $"{request.Method} needs a JSON body (application/json; send {{}} when there is nothing to say) or a multipart/form-data upload.");
            }
            else
            {
                await next(context);
            }
        });
        return app;
    }

    private static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) ?? false;

    private static async Task WriteProblemAsync(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        });
    }
}
