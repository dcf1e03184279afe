using CyclingCoach.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace CyclingCoach.Gateway.SeedCompat;

/// <summary>
/// The seed plan's URLs (ARCHITECTURE.md, "The seed plan's URLs"): four paths a client written from the seed plan
/// calls, each sent to the endpoint that answers it in the seed's shapes (Sync's and Coaching's
/// <c>MapSeedCompatApi</c>). New clients use the services' own paths. Like every proxied route, these lose the
/// client's credentials and carry the gateway's key (the transforms in <c>AddGatewayServices</c>).
/// </summary>
public static class SeedCompatRoutes
{
    public static readonly IReadOnlyList<SeedCompatRoute> Table =
    [
        new("seed-workouts-sync", "POST", "/api/workouts/sync", ResourceNames.Sync, "/api/sync/seed/workouts-sync"),
        new("seed-sync-status", "GET", "/api/workouts/sync-status", ResourceNames.Sync, "/api/sync/seed/sync-status"),
        new("seed-analyze", "POST", "/api/workouts/{id}/analyze", ResourceNames.Coaching, "/api/coach/seed/workouts/{id}/analyze"),
        new("seed-approve", "POST", "/api/analyses/{id}/approve", ResourceNames.Coaching, "/api/coach/seed/analyses/{id}/approve"),
    ];

    /// <summary>Adds <see cref="Table"/> to the proxy beside the routes of the <c>ReverseProxy</c> configuration (whose clusters they use).</summary>
    public static IReverseProxyBuilder LoadSeedCompatRoutes(this IReverseProxyBuilder proxy) =>
        proxy.LoadFromMemory([.. Table.Select(route => route.ToRouteConfig())], []);
}

/// <summary><c>{Method} {Path}</c> at the gateway is <c>{Method} {ServicePath}</c> at <c>{Service}</c>.</summary>
public sealed record SeedCompatRoute(string Id, string Method, string Path, string Service, string ServicePath)
{
    public RouteConfig ToRouteConfig() => new()
    {
        RouteId = Id,
        ClusterId = Service,
        Match = new RouteMatch { Path = Path, Methods = [Method] },
        Transforms = [new Dictionary<string, string> { ["PathPattern"] = ServicePath }],
    };
}
