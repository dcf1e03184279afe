using CyclingCoach.Contracts;
using MassTransit;

namespace CyclingCoach.Gateway.Events;

/// <summary>
/// The gateway listens on one temporary queue (auto-deleted, one per gateway process) bound to every event the
/// browser cares about, so a restarted gateway never replays stale events and replicas each get all of them.
/// </summary>
public static class EventRelay
{
    public static readonly IReadOnlyList<Type> RelayedEvents =
    [
        typeof(WorkoutImported),
        typeof(WorkoutDeleted),
        typeof(SyncRunStarted),
        typeof(SyncRunProgressed),
        typeof(SyncRunCompleted),
        typeof(SyncRunFailed),
        typeof(AnalysisCompleted),
        typeof(PlanVersionCreated),
        typeof(AthleteProfileChanged),
        typeof(RouteAnalyzed),
    ];

    /// <summary>The SSE event name of a relayed message type: its name in kebab-case (<c>WorkoutImported</c> → <c>workout-imported</c>).</summary>
    public static string EventNameOf(Type messageType) => KebabCaseEndpointNameFormatter.Instance.SanitizeName(messageType.Name);

    private static IEnumerable<Type> ConsumerTypes => RelayedEvents.Select(t => typeof(EventRelayConsumer<>).MakeGenericType(t));

    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        foreach (var consumer in ConsumerTypes)
        {
            bus.AddConsumer(consumer).ExcludeFromConfigureEndpoints();
        }
    }

    public static void ConfigureEndpoint(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator rabbit) =>
        rabbit.ReceiveEndpoint(new TemporaryEndpointDefinition("gateway-events"), endpoint =>
        {
            foreach (var consumer in ConsumerTypes)
            {
                endpoint.ConfigureConsumer(context, consumer);
            }
        });
}
