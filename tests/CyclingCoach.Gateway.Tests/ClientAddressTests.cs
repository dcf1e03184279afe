using System.Net;
using CyclingCoach.Gateway.Auth;
using CyclingCoach.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.Gateway.Tests;

/// <summary>
/// Who the failed-key limiter counts: the connection's own address, unless it is a configured proxy (then the address
/// it forwards), and the web app apart from everyone else (its own credential), in a table that stays bounded however
/// many addresses an attacker has.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ClientAddressTests(GatewayFixture fixture)
{
    private const string WebProxyKey = "web-proxy-key-for-the-gateway-tests";

    private ServiceFactory<Program> Gateway(params (string Key, string Value)[] settings) =>
        fixture.CreateGateway(new Dictionary<string, string?>(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["Auth:MaxFailedAttempts"] = "3",
            ["Auth:WebProxyKey"] = WebProxyKey,
        });

    /// <summary>GET /api/workouts from <paramref name="peer"/> (the TCP connection's address).</summary>
    private static async Task<int> SendAsync(ServiceFactory<Program> gateway, string peer, string key, string? forwardedFor = null, string? webKey = null)
    {
        var context = await gateway.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/api/workouts";
            c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            c.Request.Headers["X-Api-Key"] = key;
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }

            if (webKey is not null)
            {
                c.Request.Headers["X-Web-Proxy-Key"] = webKey;
            }
        });
        return context.Response.StatusCode;
    }

    [Fact]
    public async Task X_Forwarded_For_from_anyone_else_neither_spreads_guesses_nor_locks_out_another_address()
    {
        // As compose started the gateway (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true), with no proxy configured.
        await using var gateway = Gateway(("FORWARDEDHEADERS_ENABLED", "true"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, await SendAsync(gateway, "10.0.0.7", "wrong", forwardedFor: $"198.51.100.{i}"));
        }

        Assert.Equal(429, await SendAsync(gateway, "10.0.0.7", fixture.ApiKey, forwardedFor: "198.51.100.99"));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, await SendAsync(gateway, "10.0.0.20", "wrong", forwardedFor: "10.0.0.21"));
        }

        Assert.Equal(200, await SendAsync(gateway, "10.0.0.21", fixture.ApiKey));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_is_counted_on_its_own()
    {
        await using var gateway = Gateway(("ForwardedHeaders:KnownProxies", "10.0.0.1"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, await SendAsync(gateway, "10.0.0.1", "wrong", forwardedFor: "198.51.100.1"));
        }

        Assert.Equal(429, await SendAsync(gateway, "10.0.0.1", fixture.ApiKey, forwardedFor: "198.51.100.1"));
        Assert.Equal(200, await SendAsync(gateway, "10.0.0.1", fixture.ApiKey, forwardedFor: "198.51.100.2"));
        // A client's own X-Forwarded-For is kept by the proxy in front of its address: the proxy's view counts.
        Assert.Equal(429, await SendAsync(gateway, "10.0.0.1", fixture.ApiKey, forwardedFor: "198.51.100.2, 198.51.100.1"));
    }

    [Fact]
    public async Task Other_local_callers_wrong_keys_do_not_lock_the_web_app_out()
    {
        // Under the AppHost every caller is 127.0.0.1: the web app and any other local process alike.
        await using var gateway = Gateway();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(401, await SendAsync(gateway, "127.0.0.1", "wrong"));
        }

        Assert.Equal(429, await SendAsync(gateway, "127.0.0.1", fixture.ApiKey));
        Assert.Equal(200, await SendAsync(gateway, "127.0.0.1", fixture.ApiKey, webKey: WebProxyKey));
        // Guessing the web app's credential is a wrong key like any other, and gets no answer while locked.
        Assert.Equal(429, await SendAsync(gateway, "127.0.0.1", fixture.ApiKey, webKey: "a-guess"));
    }

    [Fact]
    public async Task The_table_of_addresses_is_bounded_and_addresses_past_it_share_one_count()
    {
        await using var gateway = Gateway(("Auth:MaxTrackedClients", "4"));
        var statuses = new List<int>();
        for (var i = 1; i <= 20; i++)
        {
            statuses.Add(await SendAsync(gateway, $"192.0.2.{i}", "wrong"));
        }

        // Four addresses in the table; the next three wrong keys fill the one window all further addresses share.
        Assert.Equal([.. Enumerable.Repeat(401, 7), .. Enumerable.Repeat(429, 13)], statuses);
        Assert.Equal(4, gateway.Services.GetRequiredService<FailedAuthLimiter>().TrackedClients);
        Assert.Equal(200, await SendAsync(gateway, "192.0.2.1", fixture.ApiKey)); // one wrong key is below its own limit
        Assert.Equal(429, await SendAsync(gateway, "192.0.2.200", fixture.ApiKey));
    }
}
