using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CyclingCoach.Gateway.Auth;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>-Proto</c> count only when the connection comes from a proxy named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>ForwardedHeaders:KnownNetworks</c> (CIDR), separated by
/// commas; then the client is the right-most address that is not itself such a proxy. With none named, forwarded
/// headers are ignored, even when ASPNETCORE_FORWARDEDHEADERS_ENABLED (which trusts everyone) is set: a client that
/// could choose its own address could spread its guesses over many, or lock out someone else's.
/// </summary>
public static class TrustedProxies
{
    public static IHostApplicationBuilder AddTrustedProxies(this IHostApplicationBuilder builder)
    {
        static IEnumerable<string> List(string? value) =>
            (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var proxies = List(builder.Configuration["ForwardedHeaders:KnownProxies"]).Select(IPAddress.Parse).ToList();
        var networks = List(builder.Configuration["ForwardedHeaders:KnownNetworks"]).Select(System.Net.IPNetwork.Parse).ToList();
        // PostConfigure: after ASP.NET Core's own FORWARDEDHEADERS_ENABLED setup, which clears both lists.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            options.ForwardLimit = null; // through every trusted hop, stopping at the first address that is not one
            options.ForwardedHeaders = proxies.Count + networks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None; // empty lists would mean "trust every sender"
        });
        return builder;
    }
}
