using System.Text.Json;
using System.Text.Json.Serialization;
using CyclingCoach.ServiceDefaults.Configuration;
using CyclingCoach.ServiceDefaults.Data;
using CyclingCoach.ServiceDefaults.Logging;
using CyclingCoach.ServiceDefaults.Problems;
using CyclingCoach.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CyclingCoach.ServiceDefaults;

/// <summary>
/// What every CyclingCoach service shares (Aspire's service-defaults shape): OpenTelemetry, health checks, service
/// discovery, resilient HttpClients, the JSON and ProblemDetails conventions of ARCHITECTURE.md §5, and one-line logs
/// that carry the trace id.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";

    /// <summary>The ActivitySource our own code starts spans on (outbox relay, migrations, jobs).</summary>
    public const string ActivitySourceName = "CyclingCoach";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Configuration.AddSettingAliases();
        builder.ConfigureLogging();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddCoachProblemDetails();
        return builder;
    }

    /// <summary>ARCHITECTURE.md §5: camelCase, enums as snake_case strings.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    public static TBuilder ConfigureLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddConsoleFormatter<CoachConsoleFormatter, ConsoleFormatterOptions>();
        // ASP.NET Core opens its request scope (RequestPath, RequestId, ConnectionId) only while this category is on;
        // exported with every record of a request, RequestPath would carry the iCal feed's secret. The trace id links
        // a record to its request instead (and this category's own request start/finish lines were off already).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.Configure<ConsoleLoggerOptions>(options =>
        {
            // Aspire may ask for "simple"; anything else gets our one-line, trace-id-carrying format.
            if (options.FormatterName is null or ConsoleFormatterNames.Systemd)
            {
                options.FormatterName = CoachConsoleFormatter.FormatterName;
            }
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // Npgsql's spans and meters are added by Aspire's EF Core integration (DatabaseExtensions), per database.
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter(ActivitySourceName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(ActivitySourceName)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                    !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                    && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation()
                .AddProcessor(new SecretPaths.RedactingProcessor()));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c> (every check: database, bus, storage) and <c>/alive</c> (process only), unauthenticated and in
    /// every environment: ./coach, compose and the AppHost all wait on them.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // A request's database work fails fast while PostgreSQL is known to be down (503 at once, not after ~7 s).
        app.Use(async (context, next) =>
        {
            FailFastRetryingExecutionStrategy.FailFastInThisFlow();
            await next(context);
        });

        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return app;
    }
}
