namespace CyclingCoach.Routes.Model;

/// <summary>
/// A GPX route in the rider's library with its latest analysis. The original file lives on the GPX volume under its
/// SHA-256 (<see cref="ContentHash"/>); the simplified track and the chart profile are kept as JSON for the map and
/// the elevation chart; the sections are <see cref="StoredSection"/> rows.
/// </summary>
public sealed class StoredRoute
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>SHA-256 of the original file: the file's name on the GPX volume and the duplicate check.</summary>
    public required string ContentHash { get; init; }
    public long FileSizeBytes { get; set; }
    public int PointCount { get; set; }
    public double DistanceMeters { get; set; }
    public double? ElevationGainMeters { get; set; }
    public double? ElevationLossMeters { get; set; }
    public double? MinElevationMeters { get; set; }
    public double? MaxElevationMeters { get; set; }

    /// <summary>Steepest grade sustained over the analysis window (percent), over all sections.</summary>
    public double? MaxGradePercent { get; set; }
    public double EstimatedSeconds { get; set; }

    /// <summary>The <c>AthleteProfileChanged.Version</c> the estimates were made with; 0 = the documented default rider.</summary>
    public int ProfileVersion { get; set; }

    /// <summary>GeoJSON LineString (simplified) as text, stored as jsonb.</summary>
    public string TrackGeoJson { get; set; } = """{"type":"LineString","coordinates":[]}""";

    /// <summary>JSON array of <c>{distanceMeters, elevationMeters, gradePercent}</c>, stored as jsonb.</summary>
    public string ProfileJson { get; set; } = "[]";

    /// <summary>JSON array of analysis warnings (no elevation, ignored points, …), stored as jsonb.</summary>
    public string WarningsJson { get; set; } = "[]";
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime AnalyzedAt { get; set; } = DateTime.UtcNow;

    public List<StoredSection> Sections { get; set; } = [];
}
