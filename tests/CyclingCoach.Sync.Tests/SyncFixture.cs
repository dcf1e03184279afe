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

    public async Task InitializeAsync()
    {
        vhost = await TestVirtualHost.CreateAsync("synctest");
        Factory = new ServiceFactory<Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:syncdb"] = Database.ConnectionString,
            ["ConnectionStrings:messaging"] = vhost.ConnectionString,
            ["Storage:DataPath"] = DataPath,
        });
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
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
