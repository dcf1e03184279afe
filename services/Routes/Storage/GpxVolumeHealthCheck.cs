using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CyclingCoach.Routes.Storage;

/// <summary>Ready only when the GPX folder exists (or can be created) and a file can be written, renamed and removed there.</summary>
public sealed class GpxVolumeHealthCheck(GpxFileStore files) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(files.Folder, $".health-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(files.Folder);
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Move(probe, probe + ".renamed");
            File.Delete(probe + ".renamed");
            return HealthCheckResult.Healthy($"{files.Folder} is writable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            GpxFileStore.TryDelete(probe);
            return HealthCheckResult.Unhealthy($"{files.Folder} is not writable: {e.Message}");
        }
    }
}
