using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CyclingCoach.ServiceDefaults.Storage;

/// <summary>
/// Ready only when <paramref name="folder"/> exists (or can be created) and a file can be written there the way every
/// file is (<see cref="AtomicFile"/>: temporary file, fsync, rename) and removed again.
/// </summary>
public sealed class StorageHealthCheck(string folder) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            await AtomicFile.WriteAsync(probe, "ok"u8.ToArray(), cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy($"{folder} is writable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AtomicFile.TryDelete(probe);
            return HealthCheckResult.Unhealthy($"{folder} is not writable: {e.Message}");
        }
    }
}
