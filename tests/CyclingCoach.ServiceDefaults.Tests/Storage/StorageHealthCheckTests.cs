using CyclingCoach.ServiceDefaults.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CyclingCoach.ServiceDefaults.Tests.Storage;

public sealed class StorageHealthCheckTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_writable_folder_is_healthy_and_keeps_no_probe()
    {
        var data = Path.Combine(folder.Path, "gpx");

        var result = await new StorageHealthCheck(data).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.True(Directory.Exists(data));
        Assert.Empty(folder.Files());
    }

    [Fact]
    public async Task A_folder_that_cannot_be_created_is_unhealthy()
    {
        var file = Path.Combine(folder.Path, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");

        var result = await new StorageHealthCheck(Path.Combine(file, "data")).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("not writable", result.Description, StringComparison.Ordinal);
    }
}
