using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CyclingCoach.ServiceDefaults.Storage;

/// <summary>Ready only when the service's data folder exists and a file can be written and removed there.</summary>
public sealed class StorageHealthCheck(StorageOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(options.DataPath, $".health-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(options.DataPath);
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy($"{options.DataPath} is writable");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"{options.DataPath} is not writable: {e.Message}");
        }
    }
}
