using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace CyclingCoach.Gateway.Events;

public static class EventsApi
{
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(20);

    /// <summary>Sent once when a stream opens, and when nothing else was sent for <see cref="KeepAliveInterval"/>.</summary>
    public const string ReadyEvent = "ready", PingEvent = "ping";

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", Stream)
            .WithName("Events")
            .WithSummary("Server-Sent Events: sync progress, workouts imported, analyses ready, plan versions, routes analysed");
        return app;
    }

    public static IResult Stream(EventBroadcaster broadcaster, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(Read(broadcaster.Subscribe(), cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> Read(EventBroadcaster.Subscription subscription, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var _ = subscription;
        yield return new SseItem<string>("{}", ReadyEvent);
        while (!cancellationToken.IsCancellationRequested)
        {
            using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            keepAlive.CancelAfter(KeepAliveInterval);
            ServerEvent? next = null;
            try
            {
                next = await subscription.Reader.ReadAsync(keepAlive.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            yield return next is null ? new SseItem<string>("{}", PingEvent) : new SseItem<string>(next.Json, next.Type);
        }
    }
}
