using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CyclingCoach.Testing;

/// <summary>
/// A service under test on the real PostgreSQL and RabbitMQ, configured with exactly the keys Aspire and ./coach
/// inject (ARCHITECTURE.md §2), the stack's per-stack credentials included. Its clients call it as the gateway does, with the
/// gateway's credential (<paramref name="asGateway"/>; false for the gateway itself, whose callers are riders).
/// </summary>
public class ServiceFactory<TProgram>(IReadOnlyDictionary<string, string?> settings, bool asGateway = true) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public const string ServiceKey = "service-key-of-the-test-stack";
    public const string WebProxyKey = "web-proxy-key-of-the-test-stack";
    public const string KeyEncryptionKey = "key-encryption-key-of-the-test-stack";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Auth:ServiceKey", ServiceKey);
        builder.UseSetting("Auth:WebProxyKey", WebProxyKey);
        builder.UseSetting("Storage:KeyEncryptionKey", KeyEncryptionKey);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (asGateway)
        {
            client.DefaultRequestHeaders.Add("X-Service-Key", ServiceKey);
        }
    }
}
