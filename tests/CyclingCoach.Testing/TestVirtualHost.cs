using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CyclingCoach.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own (made through the management API), so each test fixture's exchanges and
/// queues are isolated on the one real broker. Deleted on dispose.
/// </summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    private readonly HttpClient management;

    private TestVirtualHost(string name, HttpClient management)
    {
        Name = name;
        this.management = management;
        var uri = new UriBuilder(TestInfrastructure.RabbitMqUri) { Path = "/" + Uri.EscapeDataString(name) };
        ConnectionString = uri.Uri.ToString();
    }

    public string Name { get; }

    /// <summary>The broker URI with this virtual host as its path (the services' <c>ConnectionStrings:messaging</c>).</summary>
    public string ConnectionString { get; }

    public static async Task<TestVirtualHost> CreateAsync(string prefix)
    {
        var client = new HttpClient { BaseAddress = new Uri(TestInfrastructure.RabbitMqManagementUrl) };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestInfrastructure.RabbitMqUser}:{TestInfrastructure.RabbitMqPassword}"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        var name = TestInfrastructure.UniqueName(prefix);
        (await client.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await client.PutAsync($"api/permissions/{name}/{TestInfrastructure.RabbitMqUser}", permissions)).EnsureSuccessStatusCode();
        return new TestVirtualHost(name, client);
    }

    /// <summary>Messages waiting in a queue of this virtual host (null when the queue does not exist).</summary>
    public async Task<string> GetQueuesJsonAsync() => await management.GetStringAsync($"api/queues/{Name}");

    /// <summary>Closes every client connection to this virtual host, as a broker restart would (clients reconnect).</summary>
    public async Task<int> CloseConnectionsAsync()
    {
        using var connections = JsonDocument.Parse(await management.GetStringAsync($"api/vhosts/{Uri.EscapeDataString(Name)}/connections"));
        var names = connections.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        foreach (var name in names)
        {
            (await management.DeleteAsync($"api/connections/{Uri.EscapeDataString(name)}")).EnsureSuccessStatusCode();
        }

        return names.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await management.DeleteAsync($"api/vhosts/{Name}");
        management.Dispose();
    }
}
