namespace CyclingCoach.Routes.Model;

/// <summary>
/// The route's points (latitude, longitude, elevation as little-endian doubles, NaN for a missing elevation), kept so a
/// profile change re-estimates from the database instead of re-parsing every GPX file. Exactly the values the GPX
/// reader produced, so the analysis is the same either way. Deleted with the route.
/// </summary>
public sealed class StoredRoutePoints
{
    public Guid RouteId { get; init; }
    public int Count { get; init; }
    public required byte[] Data { get; init; }
}
