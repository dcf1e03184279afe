namespace CyclingCoach.Routes.Model;

/// <summary>A GPX route in the rider's library (analysis and sections arrive with the routes issue).</summary>
public sealed class StoredRoute
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>SHA-256 of the original file: the file's name on the GPX volume and the duplicate check.</summary>
    public required string ContentHash { get; init; }
    public double DistanceMeters { get; set; }
    public double? ElevationGainMeters { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
