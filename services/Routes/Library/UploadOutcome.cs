using CyclingCoach.Routes.Model;

namespace CyclingCoach.Routes.Library;

/// <summary>What <see cref="RouteLibrary.AddAsync"/> did.</summary>
public abstract record UploadOutcome
{
    public sealed record Created(StoredRoute Route) : UploadOutcome;

    public sealed record Duplicate(Guid ExistingRouteId) : UploadOutcome;

    public sealed record QuotaExceeded(int MaxRoutes) : UploadOutcome;
}
