using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace CyclingCoach.Gateway.Discovery;

/// <summary>
/// Resolves YARP destinations with logical addresses (<c>http://sync</c>) through Microsoft.Extensions.ServiceDiscovery,
/// i.e. from <c>services__sync__http__0</c> (Aspire, ./coach) or, when nothing is configured, the DNS name itself
/// (compose). Our own version of what Microsoft.Extensions.ServiceDiscovery.Yarp does (that package is not served).
/// </summary>
public sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);
            foreach (var endpoint in source.Endpoints)
            {
                var target = Rewrite(address, endpoint.EndPoint);
                resolved[$"{name}[{target.Authority}]"] = destination with { Address = target.ToString(), Host = destination.Host };
            }
        }

        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }

    /// <summary>
    /// Keeps the configured path; takes host and port from the resolved endpoint, and the scheme too when the endpoint
    /// is a full URI (<c>services__sync__https__0</c> means https), else keeps the configured scheme.
    /// </summary>
    public static Uri Rewrite(Uri address, EndPoint endPoint)
    {
        var builder = new UriBuilder(address);
        switch (endPoint)
        {
            case UriEndPoint uri:
                builder.Scheme = uri.Uri.Scheme;
                builder.Host = uri.Uri.Host;
                builder.Port = uri.Uri.Port;
                break;
            case DnsEndPoint dns:
                builder.Host = dns.Host;
                builder.Port = dns.Port > 0 ? dns.Port : -1;
                break;
            case IPEndPoint ip:
                builder.Host = ip.Address.ToString();
                builder.Port = ip.Port;
                break;
            default:
                throw new NotSupportedException($"Unsupported endpoint type {endPoint.GetType().Name}.");
        }

        return builder.Uri;
    }
}
