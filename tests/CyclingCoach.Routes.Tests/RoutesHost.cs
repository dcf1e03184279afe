using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;
using MassTransit;
using Npgsql;

namespace CyclingCoach.Routes.Tests;

/// <summary>
/// A Routes service on its own database, virtual host and data folder with extra <c>Routes:*</c> settings, waiting
/// until database and bus are healthy (consumer queues exist only then), plus a bus to publish through as Coaching would.
/// </summary>
public abstract class RoutesHost(string prefix, IReadOnlyDictionary<string, string?> settings) : IAsyncLifetime
{
    private IBusControl? publisher;

    public TestDatabase Database { get; } = new(prefix);
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public string DataPath { get; } = Directory.CreateTempSubdirectory($"{prefix}-data-").FullName;
    public string GpxFolder => Path.Combine(DataPath, "gpx");
    public ServiceFactory<Program> Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IPublishEndpoint Publisher => publisher!;

    public async Task InitializeAsync()
    {
        VirtualHost = await TestVirtualHost.CreateAsync(prefix);
        Factory = CreateFactory(DataPath);
        Client = Factory.CreateClient();
        var (status, health) = await Eventually.WaitAsync(() => RoutesFixture.ReadHealthAsync(Client), h => h.Status == 200, TimeSpan.FromSeconds(60));
        if (status != 200)
        {
            throw new InvalidOperationException($"Routes did not become healthy: {health}");
        }

        publisher = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(VirtualHost.ConnectionString)));
        await publisher.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    }

    public ServiceFactory<Program> CreateFactory(string dataPath)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:routesdb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = VirtualHost.ConnectionString,
            ["Storage:DataPath"] = dataPath,
        };
        return new ServiceFactory<Program>(all);
    }

    public string[] GpxFiles() => Directory.Exists(GpxFolder) ? Directory.GetFiles(GpxFolder).Select(f => Path.GetFileName(f)!).Order().ToArray() : [];

    public async Task<long> CountAsync(string sql) => await Database.ScalarAsync<long>(sql);

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (publisher is not null)
        {
            await publisher.StopAsync();
        }

        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        await VirtualHost.DisposeAsync();
        Directory.Delete(DataPath, recursive: true);
    }
}

/// <summary>The library under test: 2 MB upload limit (every fixture fits), default quota.</summary>
public sealed class LibraryFixture() : RoutesHost("routeslib", new Dictionary<string, string?> { ["Routes:MaxUploadBytes"] = (2 * 1024 * 1024).ToString() });

[CollectionDefinition(Name)]
public sealed class LibraryCollection : ICollectionFixture<LibraryFixture>
{
    public const string Name = "routes-library";
}

/// <summary>A library that holds three routes.</summary>
public sealed class QuotaFixture() : RoutesHost("routesquota", new Dictionary<string, string?> { ["Routes:MaxRoutes"] = "3" });

[CollectionDefinition(Name)]
public sealed class QuotaCollection : ICollectionFixture<QuotaFixture>
{
    public const string Name = "routes-quota";
}

/// <summary>A library for profile-change tests (its outbox counts are not disturbed by other tests).</summary>
public sealed class ProfileFixture() : RoutesHost("routesprof", new Dictionary<string, string?>());

[CollectionDefinition(Name)]
public sealed class ProfileCollection : ICollectionFixture<ProfileFixture>
{
    public const string Name = "routes-profile";
}

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
