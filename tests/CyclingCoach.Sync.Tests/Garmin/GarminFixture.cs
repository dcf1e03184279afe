using CyclingCoach.Fakes.Garmin;
using CyclingCoach.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyclingCoach.Sync.Tests.Garmin;

/// <summary>
/// The real PostgreSQL and RabbitMQ (as <see cref="SyncFixture"/>) plus one fake Garmin; each test starts its own
/// Sync service (own <c>Storage:DataPath</c>) with every <c>Garmin:*BaseUrl</c> pointed at the fake.
/// </summary>
public sealed class GarminFixture : IAsyncLifetime
{
    private TestVirtualHost? vhost;

    public TestDatabase Database { get; } = new("syncgarmin");
    public FakeGarmin Garmin { get; private set; } = null!;
    public string MessagingConnectionString => vhost!.ConnectionString;

    public async Task InitializeAsync()
    {
        vhost = await TestVirtualHost.CreateAsync("syncgarmin");
        Garmin = await FakeGarmin.StartAsync(activityCount: 120, nonCyclingEvery: 5);
    }

    /// <summary>A Sync service on <paramref name="dataPath"/> (a new folder when null) talking to <paramref name="garmin"/>.</summary>
    public async Task<GarminService> StartServiceAsync(
        string? dataPath = null, IReadOnlyDictionary<string, string?>? settings = null, FakeGarmin? garmin = null)
    {
        garmin ??= Garmin;
        var path = dataPath ?? Directory.CreateTempSubdirectory("sync-garmin-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:syncdb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = MessagingConnectionString,
            ["Storage:DataPath"] = path,
            ["Garmin:SsoBaseUrl"] = garmin.BaseUrl,
            ["Garmin:ApiBaseUrl"] = garmin.BaseUrl,
            ["Garmin:DiAuthBaseUrl"] = garmin.BaseUrl,
            ["Garmin:RetryBaseDelayMilliseconds"] = "20",
            ["Garmin:RetryMaxDelayMilliseconds"] = "100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var service = new GarminService(all, path);
        var health = await service.Client.GetAsync("/alive");
        health.EnsureSuccessStatusCode();
        return service;
    }

    public async Task DisposeAsync()
    {
        await Garmin.DisposeAsync();
        await Database.DisposeAsync();
        if (vhost is not null)
        {
            await vhost.DisposeAsync();
        }
    }
}

/// <summary>One Sync service instance with a log capture; disposing it is a "restart" when the data path is reused.</summary>
public sealed class GarminService : IAsyncDisposable
{
    private readonly Factory factory;

    public GarminService(IReadOnlyDictionary<string, string?> settings, string dataPath)
    {
        DataPath = dataPath;
        factory = new Factory(settings, Logs);
        Client = factory.CreateClient();
    }

    public string DataPath { get; }
    public LogCapture Logs { get; } = new();
    public HttpClient Client { get; }
    public IServiceProvider Services => factory.Services;

    public T Get<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    public string TokenPath => Path.Combine(DataPath, "garmin", "token.bin");

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, LogCapture logs) : ServiceFactory<Program>(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging
                .AddProvider(logs)
                .AddFilter<LogCapture>(null, LogLevel.Information)
                .AddFilter<LogCapture>("System.Net.Http", LogLevel.Trace)
                .AddFilter<LogCapture>("CyclingCoach", LogLevel.Trace));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GarminCollection : ICollectionFixture<GarminFixture>
{
    public const string Name = "garmin";
}
