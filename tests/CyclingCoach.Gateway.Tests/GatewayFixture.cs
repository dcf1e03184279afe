using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;
using MassTransit;

namespace CyclingCoach.Gateway.Tests;

/// <summary>
/// The gateway on its own virtual host in front of three fake services (real Kestrel servers), plus a separate bus
/// on that virtual host that tests publish events through.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private IBusControl? publisher;

    public string ApiKey { get; } = $"test-key-{Guid.NewGuid():N}";
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public FakeDownstream Sync { get; private set; } = null!;
    public FakeDownstream Coaching { get; private set; } = null!;
    public FakeDownstream Routes { get; private set; } = null!;
    public ServiceFactory<Program> Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IPublishEndpoint Publisher => publisher!;

    public async Task InitializeAsync()
    {
        VirtualHost = await TestVirtualHost.CreateAsync("gatewaytest");
        Sync = await FakeDownstream.StartAsync("sync");
        Coaching = await FakeDownstream.StartAsync("coaching");
        Routes = await FakeDownstream.StartAsync("routes");
        Factory = CreateGateway();
        Client = Factory.CreateClient();

        // The event relay's temporary queue is bound once the gateway's bus has started; wait for it.
        var health = await Eventually.WaitAsync(() => ReadHealthAsync(Client), h => CheckStatus(h.Body, "masstransit-bus") == "Healthy", TimeSpan.FromSeconds(60));
        if (CheckStatus(health.Body, "masstransit-bus") != "Healthy")
        {
            throw new InvalidOperationException($"The gateway's bus did not start: {health.Body}");
        }

        publisher = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(VirtualHost.ConnectionString)));
        await publisher.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    }

    /// <summary>A gateway process configured exactly as Aspire and ./coach configure it, plus <paramref name="extra"/>.</summary>
    public ServiceFactory<Program> CreateGateway(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:ApiKey"] = ApiKey,
            ["ConnectionStrings:messaging"] = VirtualHost.ConnectionString,
            ["services:sync:http:0"] = Sync.Address,
            ["services:coaching:http:0"] = Coaching.Address,
            ["services:routes:http:0"] = Routes.Address,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ServiceFactory<Program>(settings, asGateway: false);
    }

    public static async Task<(int Status, JsonElement Body)> ReadHealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static string CheckStatus(JsonElement health, string name) =>
        health.TryGetProperty("checks", out var checks) && checks.TryGetProperty(name, out var check)
            ? check.GetProperty("status").GetString()!
            : "missing";

    public async Task DisposeAsync()
    {
        if (publisher is not null)
        {
            await publisher.StopAsync();
        }

        await Factory.DisposeAsync();
        await Sync.DisposeAsync();
        await Coaching.DisposeAsync();
        await Routes.DisposeAsync();
        await VirtualHost.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
