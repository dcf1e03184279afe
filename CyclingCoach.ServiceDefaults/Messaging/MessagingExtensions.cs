using CyclingCoach.ServiceDefaults.Configuration;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CyclingCoach.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit 8.5 over RabbitMQ from <c>ConnectionStrings:messaging</c> (Aspire's <c>amqp://user:pass@host:port</c>):
    /// kebab-case endpoints named after the service (<see cref="EndpointPrefix"/>), exponential retry, then the
    /// endpoint's <c>_error</c> queue. The bus health check is registered by MassTransit with the readiness tag.
    /// </summary>
    public static IHostApplicationBuilder AddServiceBus(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configure = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBroker = null)
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(ServiceDefaults.ResourceNames.Messaging);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(EndpointPrefix(builder.Environment.ApplicationName), includeNamespace: false));
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500)));
                configureBroker?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    /// <summary>
    /// "CyclingCoach.Sync" → "Sync", so Sync's queue for AthleteProfileChanged is <c>sync-athlete-profile-changed</c>
    /// and Routes' is <c>routes-athlete-profile-changed</c>: two services consuming one event each get every message
    /// (one shared queue would make them compete and each see only some).
    /// </summary>
    public static string EndpointPrefix(string applicationName) => applicationName[(applicationName.LastIndexOf('.') + 1)..];

    /// <summary>The outbox relay for a service database that already has <see cref="MessagingModelBuilderExtensions.AddOutboxAndInbox"/>.</summary>
    public static IHostApplicationBuilder AddOutboxRelay<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        return builder;
    }
}
