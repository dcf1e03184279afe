using CyclingCoach.Gateway.Auth;
using CyclingCoach.Gateway.Events;
using CyclingCoach.Gateway.Health;
using CyclingCoach.Gateway.OpenApi;
using CyclingCoach.Gateway.SeedCompat;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Configuration;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.ServiceDefaults.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Transforms;

namespace CyclingCoach.Gateway.Extensions;

public static class Extensions
{
    /// <summary>The services behind the gateway, by resource name; each has its logical address <c>http://{name}</c>.</summary>
    public static readonly IReadOnlyList<string> Downstream = [ResourceNames.Sync, ResourceNames.Coaching, ResourceNames.Routes];

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        var apiKey = builder.Configuration.GetRequiredSecret("Auth:ApiKey");
        var webProxyKey = builder.Configuration.GetRequiredSecret("Auth:WebProxyKey");
        var serviceKey = builder.Configuration.GetRequiredSecret(GatewayOnlyAccess.SettingKey);
        builder.Services.AddOptions<ApiKeyOptions>()
            .BindConfiguration("Auth")
            .Configure(options => (options.ApiKey, options.WebProxyKey) = (apiKey, webProxyKey));
        builder.Services.AddSingleton<FailedAuthLimiter>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTrustedProxies();

        // The largest body a service behind takes (Sync's upload: Sync:Import:MaxUploadBytes, 64 MiB, and the
        // multipart framing); Kestrel's 30 MB default would refuse uploads Sync accepts. The services keep their own.
        var maxBody = builder.Configuration.GetValue<long?>("Gateway:MaxRequestBodyBytes") ?? (64L * 1024 * 1024) + (64 * 1024);
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);

        // Destinations are logical (http://sync): resolved from services__sync__http__0 (Aspire, ./coach) or, when
        // nothing is configured, left as the DNS name itself (compose). The rider's and the web app's credentials stay
        // here; the services get the gateway's own (they answer nobody else).
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .LoadSeedCompatRoutes()
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context =>
            {
                context.AddRequestHeaderRemove("X-Api-Key");
                context.AddRequestHeaderRemove("Authorization");
                context.AddRequestHeaderRemove(ApiKeyMiddleware.WebProxyKeyHeader);
                context.AddRequestHeader(GatewayOnlyAccess.HeaderName, serviceKey, append: false);
            });

        builder.Services.AddSingleton<EventBroadcaster>();
        builder.AddServiceBus(EventRelay.AddConsumers, EventRelay.ConfigureEndpoint);

        // Health answers fast and honestly: no retries hiding a service that is down.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        builder.Services.AddHttpClient(DownstreamHealthCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHttpClient(ServiceDocuments.HttpClientName, client => client.DefaultRequestHeaders.Add(GatewayOnlyAccess.HeaderName, serviceKey));
        var health = builder.Services.AddHealthChecks();
        foreach (var service in Downstream)
        {
            health.AddTypeActivatedCheck<DownstreamHealthCheck>(service, failureStatus: null, tags: [ServiceDefaults.Extensions.ReadyTag], args: service);
        }

        return builder;
    }
}
