using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;

namespace CyclingCoach.Routes.Tests;

/// <summary>One Routes service on its own database, virtual host and data folder for all tests in the collection.</summary>
public sealed class RoutesFixture : IAsyncLifetime
{
    public TestDatabase Database { get; } = new("routestest");
    public TestVirtualHost VirtualHost { get; private set; } = null!;
    public string DataPath { get; } = Directory.CreateTempSubdirectory("routes-data-").FullName;
    public ServiceFactory<Program> Factory { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        VirtualHost = await TestVirtualHost.CreateAsync("routestest");
        Factory = CreateFactory(DataPath);
        Client = Factory.CreateClient();
    }

    /// <summary>A Routes service on this fixture's database and virtual host with the given data folder.</summary>
    public ServiceFactory<Program> CreateFactory(string dataPath) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:routesdb"] = Database.ConnectionString,
        ["ConnectionStrings:messaging"] = VirtualHost.ConnectionString,
        ["Storage:DataPath"] = dataPath,
    });

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
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
        await VirtualHost.DisposeAsync();
        Directory.Delete(DataPath, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class RoutesCollection : ICollectionFixture<RoutesFixture>
{
    public const string Name = "routes";
}
