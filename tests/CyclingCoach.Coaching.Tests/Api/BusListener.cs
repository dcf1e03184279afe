using System.Collections.Concurrent;
using CyclingCoach.Testing;
using MassTransit;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>A temporary queue on the fixture's virtual host that records every <typeparamref name="T"/> the service publishes.</summary>
public sealed class BusListener<T> : IAsyncDisposable where T : class
{
    private readonly ConcurrentQueue<T> received = new();
    private HostReceiveEndpointHandle? handle;

    public IReadOnlyCollection<T> Received => received;

    public static async Task<BusListener<T>> StartAsync(CoachingFixture fixture)
    {
        var listener = new BusListener<T>();
        var bus = (IReceiveConnector)fixture.PublisherBus;
        listener.handle = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), KebabCaseEndpointNameFormatter.Instance, cfg =>
            cfg.Handler<T>(context =>
            {
                listener.received.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await listener.handle.Ready;
        return listener;
    }

    public async Task<T> WaitForAsync(Func<T, bool> match)
    {
        var found = await Eventually.WaitAsync(() => Task.FromResult(received.FirstOrDefault(match)), m => m is not null, TimeSpan.FromSeconds(30));
        Assert.True(found is not null, $"No {typeof(T).Name} matched within 30 s; received {received.Count}.");
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        if (handle is not null)
        {
            await handle.StopAsync();
        }
    }
}
