using CyclingCoach.Fakes.IntervalsIcu;
using CyclingCoach.Testing;

namespace CyclingCoach.Sync.Tests;

/// <summary>One Sync service on its own database and virtual host for all tests in the collection.</summary>
public sealed class SyncFixture : IAsyncLifetime
{
    private TestVirtualHost? vhost;

    public TestDatabase Database { get; } = new("synctest");
    public string DataPath { get; } = Directory.CreateTempSubdirectory("sync-data-").FullName;
    public ServiceFactory<Program> Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public FakeIntervalsIcu IntervalsIcu { get; private set; } = null!;

    /// <summary>The settings the service runs with (tests that start a second host reuse them).</summary>
    public Dictionary<string, string?> Settings { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        vhost = await TestVirtualHost.CreateAsync("synctest");
        IntervalsIcu = await FakeIntervalsIcu.StartAsync();
        Settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:syncdb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = vhost.ConnectionString,
            ["Storage:DataPath"] = DataPath,
            ["IntervalsIcu:BaseUrl"] = IntervalsIcu.BaseUrl,
            ["IntervalsIcu:ApiKey"] = FakeIntervalsIcu.ApiKey,
            ["IntervalsIcu:AthleteId"] = FakeIntervalsIcu.AthleteId,
            ["Sync:PollSeconds"] = "0.5",
        };
        Factory = new ServiceFactory<Program>(Settings);
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await IntervalsIcu.DisposeAsync();
        await Database.DisposeAsync();
        if (vhost is not null)
        {
            await vhost.DisposeAsync();
        }

        Directory.Delete(DataPath, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SyncCollection : ICollectionFixture<SyncFixture>
{
    public const string Name = "sync";
}
