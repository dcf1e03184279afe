using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;
using MassTransit;

namespace CyclingCoach.Coaching.Tests;

/// <summary>
/// One Coaching service on its own database and virtual host, plus a separate bus on that virtual host that the
/// tests publish through (as Sync would), and an observer on the service's bus that records every consumed message.
/// </summary>
public class CoachingFixture : IAsyncLifetime
{
    private TestVirtualHost? vhost;
    private IBusControl? publisher;

    public TestDatabase Database { get; } = new("coachtest");
    public ServiceFactory<Program> Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public ConsumedMessages Consumed { get; } = new();
    public IPublishEndpoint Publisher => publisher!;

    /// <summary>The tests' own bus on the service's virtual host (to publish, and to listen to what the service publishes).</summary>
    public IBus PublisherBus => publisher!;

    /// <summary>Settings beyond the database and the bus (a derived fixture may point OpenRouter at a fake).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    public async Task InitializeAsync()
    {
        vhost = await TestVirtualHost.CreateAsync("coachtest");
        var settings = new Dictionary<string, string?>(await SettingsAsync())
        {
            ["ConnectionStrings:coachingdb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = vhost.ConnectionString,
        };
        Factory = new ServiceFactory<Program>(settings);
        Client = Factory.CreateClient();

        // The consumer queues and their exchange bindings exist only once the service's bus has started; a message
        // published before that goes to an unbound exchange and is dropped.
        var health = await Eventually.WaitAsync(ReadHealthAsync, IsReady, TimeSpan.FromSeconds(60));
        if (!IsReady(health))
        {
            throw new InvalidOperationException($"Coaching did not become healthy: {health}");
        }

        ((IConsumeObserverConnector)Factory.Services.GetService(typeof(IBus))!).ConnectConsumeObserver(Consumed);

        publisher = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(vhost.ConnectionString)));
        await publisher.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    }

    public async Task<JsonElement> ReadHealthAsync()
    {
        using var response = await Client.GetAsync("/health");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static bool IsReady(JsonElement health) =>
        health.TryGetProperty("checks", out var checks)
        && checks.TryGetProperty("masstransit-bus", out var bus) && bus.GetProperty("status").GetString() == "Healthy"
        && checks.TryGetProperty("coachingdb", out var db) && db.GetProperty("status").GetString() == "Healthy";

    public virtual async Task DisposeAsync()
    {
        if (publisher is not null)
        {
            await publisher.StopAsync();
        }

        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        if (vhost is not null)
        {
            await vhost.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CoachingCollection : ICollectionFixture<CoachingFixture>
{
    public const string Name = "coaching";
}
