using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace CyclingCoach.Gateway.Tests;

/// <summary>
/// What the gateway relies on from Microsoft.Extensions.ServiceDiscovery.Yarp (registered as in AddGatewayServices):
/// logical addresses resolved from Aspire's <c>services__{name}__{endpoint}__{i}</c> settings, with path kept.
/// </summary>
public sealed class DestinationResolverTests
{
    private static async Task<IReadOnlyDictionary<string, DestinationConfig>> ResolveAsync(Dictionary<string, string?> configuration, string address)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddLogging();
        services.AddServiceDiscovery();
        services.AddReverseProxy().AddServiceDiscoveryDestinationResolver();
        await using var provider = services.BuildServiceProvider();

        var resolved = await provider.GetRequiredService<IDestinationResolver>().ResolveDestinationsAsync(
            new Dictionary<string, DestinationConfig> { ["dest"] = new() { Address = address } },
            CancellationToken.None);
        return resolved.Destinations;
    }

    [Fact]
    public async Task A_configured_service_resolves_to_its_configured_address()
    {
        var destinations = await ResolveAsync(new() { ["services:sync:http:0"] = "http://127.0.0.1:5999" }, "http://sync");

        var destination = Assert.Single(destinations);
        Assert.Equal("http://127.0.0.1:5999/", destination.Value.Address);
        Assert.Contains("127.0.0.1:5999", destination.Key);
        Assert.Null(destination.Value.Host); // no Host override: the service sees its own address, as before
    }

    [Fact]
    public async Task Several_configured_endpoints_become_several_destinations()
    {
        var destinations = await ResolveAsync(
            new() { ["services:routes:http:0"] = "http://127.0.0.1:6001", ["services:routes:http:1"] = "http://127.0.0.1:6002" },
            "http://routes");

        Assert.Equal(
            ["http://127.0.0.1:6001/", "http://127.0.0.1:6002/"],
            destinations.Values.Select(d => d.Address).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task An_unconfigured_service_resolves_to_its_own_dns_name()
    {
        var destinations = await ResolveAsync([], "http://coaching");

        var destination = Assert.Single(destinations);
        Assert.Equal("http://coaching/", destination.Value.Address);
    }

    [Fact]
    public async Task The_configured_path_is_kept()
    {
        var destinations = await ResolveAsync(new() { ["services:sync:http:0"] = "http://10.1.2.3:5101" }, "http://sync/base/path");

        Assert.Equal("http://10.1.2.3:5101/base/path", Assert.Single(destinations).Value.Address);
    }

    [Fact]
    public async Task An_https_endpoint_is_preferred_when_the_address_allows_both()
    {
        var destinations = await ResolveAsync(
            new() { ["services:sync:http:0"] = "http://127.0.0.1:5101", ["services:sync:https:0"] = "https://127.0.0.1:7101" },
            "https+http://sync");

        Assert.Equal("https://127.0.0.1:7101/", Assert.Single(destinations).Value.Address);
    }
}
