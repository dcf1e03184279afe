using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Gateway.Events;

/// <summary>Relays one bus event type to the browser streams, named in kebab-case (<c>WorkoutImported</c> → <c>workout-imported</c>).</summary>
public sealed class EventRelayConsumer<T>(EventBroadcaster broadcaster, IOptions<JsonOptions> json, ILogger<EventRelayConsumer<T>> logger)
    : IConsumer<T> where T : class
{
    public static readonly string EventName = EventRelay.EventNameOf(typeof(T));

    public Task Consume(ConsumeContext<T> context)
    {
        broadcaster.Publish(new ServerEvent(EventName, JsonSerializer.Serialize(context.Message, json.Value.SerializerOptions)));
        logger.LogInformation("Relayed {Event} to {Subscribers} event stream(s)", EventName, broadcaster.SubscriberCount);
        return Task.CompletedTask;
    }
}
