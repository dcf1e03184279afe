using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CyclingCoach.Gateway.Events;

/// <summary>A server-sent event: <c>event: workout-imported</c>, <c>data: {json}</c>.</summary>
public sealed record ServerEvent(string Type, string Json);

/// <summary>
/// Fans bus events out to every open <c>/api/events</c> stream. Each subscriber has a bounded queue; a stalled
/// browser loses its oldest events rather than holding memory.
/// </summary>
public sealed class EventBroadcaster
{
    private const int QueueCapacity = 256;
    private readonly ConcurrentDictionary<Guid, Channel<ServerEvent>> subscribers = new();

    public int SubscriberCount => subscribers.Count;

    public void Publish(ServerEvent serverEvent)
    {
        foreach (var channel in subscribers.Values)
        {
            channel.Writer.TryWrite(serverEvent);
        }
    }

    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<ServerEvent>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        subscribers[id] = channel;
        return new Subscription(channel.Reader, () => subscribers.TryRemove(id, out _));
    }

    public sealed class Subscription(ChannelReader<ServerEvent> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<ServerEvent> Reader => reader;

        public void Dispose() => unsubscribe();
    }
}
