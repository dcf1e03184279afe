using System.Net;
using CyclingCoach.Gateway.Discovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;

namespace CyclingCoach.Gateway.Tests;

public sealed class DestinationResolverTests
{
    private static async Task<IReadOnlyDictionary<string, DestinationConfig>> ResolveAsync(Dictionary<string, string?> configuration, string address)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddLogging();
        services.AddServiceDiscovery();
        await using var provider = services.BuildServiceProvider();
        var resolver = new ServiceDiscoveryDestinationResolver(provider.GetRequiredService<ServiceEndpointResolver>());

        var resolved = await resolver.ResolveDestinationsAsync(
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

    public static TheoryData<string, EndPoint, string> Rewrites => new()
    {
        { "http://sync", new IPEndPoint(IPAddress.Loopback, 5101), "http://127.0.0.1:5101/" },
        { "https://sync/base/path", new IPEndPoint(IPAddress.Parse("10.1.2.3"), 8443), "https://10.1.2.3:8443/base/path" },
        { "http://sync/base", new IPEndPoint(IPAddress.IPv6Loopback, 5101), "http://[::1]:5101/base" },
        { "https://coaching/api", new DnsEndPoint("coaching.internal", 7000), "https://coaching.internal:7000/api" },
        { "http://coaching/api", new DnsEndPoint("coaching", 0), "http://coaching/api" },
        { "http://routes/v1/", new UriEndPoint(new Uri("http://10.0.0.5:9000")), "http://10.0.0.5:9000/v1/" },
        { "http://routes", new UriEndPoint(new Uri("http://routes-1.local:81/")), "http://routes-1.local:81/" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void Rewrite_takes_host_and_port_from_the_endpoint_and_keeps_scheme_and_path(string address, EndPoint endPoint, string expected)
    {
        Assert.Equal(expected, ServiceDiscoveryDestinationResolver.Rewrite(new Uri(address), endPoint).ToString());
    }

    [Fact]
    public void An_unknown_endpoint_type_is_refused()
    {
        Assert.Throws<NotSupportedException>(() =>
            ServiceDiscoveryDestinationResolver.Rewrite(new Uri("http://sync"), new System.Net.Sockets.UnixDomainSocketEndPoint("/tmp/x.sock")));
    }
}
