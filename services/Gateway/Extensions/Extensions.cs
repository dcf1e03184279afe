using CyclingCoach.Gateway.Auth;
using CyclingCoach.Gateway.Events;
using CyclingCoach.Gateway.Health;
using CyclingCoach.Gateway.OpenApi;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Configuration;
using CyclingCoach.ServiceDefaults.Messaging;

namespace CyclingCoach.Gateway.Extensions;

public static class Extensions
{
    /// <summary>The services behind the gateway, by resource name; each has its logical address <c>http://{name}</c>.</summary>
    public static readonly IReadOnlyList<string> Downstream = [ResourceNames.Sync, ResourceNames.Coaching, ResourceNames.Routes];

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>()
            .BindConfiguration("Auth")
            .Configure(options => options.ApiKey = builder.Configuration.GetRequired("Auth:ApiKey"));
        builder.Services.AddSingleton<FailedAuthLimiter>();
        builder.Services.AddSingleton(TimeProvider.System);

        // Destinations are logical (http://sync): resolved from services__sync__http__0 (Aspire, ./coach) or, when
        // nothing is configured, left as the DNS name itself (compose).
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        builder.Services.AddSingleton<EventBroadcaster>();
        builder.AddServiceBus(EventRelay.AddConsumers, EventRelay.ConfigureEndpoint);

        // Health answers fast and honestly: no retries hiding a service that is down.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental
        builder.Services.AddHttpClient(DownstreamHealthCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHttpClient(ServiceDocuments.HttpClientName);
        var health = builder.Services.AddHealthChecks();
        foreach (var service in Downstream)
        {
            health.AddTypeActivatedCheck<DownstreamHealthCheck>(service, failureStatus: null, tags: [ServiceDefaults.Extensions.ReadyTag], args: service);
        }

        return builder;
    }
}
