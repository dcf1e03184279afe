using CyclingCoach.ServiceDefaults.Uploads;

namespace CyclingCoach.Routes.Options;

/// <summary>The <c>Routes</c> configuration section.</summary>
public sealed class RoutesOptions
{
    public const string SectionName = "Routes";

    /// <summary>Largest GPX upload accepted (bytes of the file); the request body may exceed it by the multipart framing. Default 25 MB.</summary>
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>How many routes the library holds; the next upload is a 409 with nothing written. Default 200.</summary>
    public int MaxRoutes { get; set; } = 200;

    /// <summary>A file on the GPX volume with no route row is removed once it is older than this. Default 5 minutes.</summary>
    public TimeSpan OrphanMinAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the orphan sweeper runs (it also runs at start-up). Default 10 minutes.</summary>
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The upload's limits: <see cref="MaxUploadBytes"/> for the file, the multipart framing on top (boundaries, headers, the name field).</summary>
    public UploadLimits ToUploadLimits() => new(MaxUploadBytes) { ValueCountLimit = 16 };
}
