using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CyclingCoach.ServiceDefaults.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Binds <c>Storage:DataPath</c> (default: <c>data/</c> under the content root), creates it, and adds a readiness
    /// check that it is writable.
    /// </summary>
    public static IHostApplicationBuilder AddServiceStorage(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration["Storage:DataPath"];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(builder.Environment.ContentRootPath, "data")
            : configured);
        var options = new StorageOptions(path);
        builder.Services.AddSingleton(options);
        builder.Services.AddHealthChecks().AddStorageCheck("storage", _ => path);
        return builder;
    }

    /// <summary>A readiness check (<see cref="StorageHealthCheck"/>) that the folder <paramref name="folder"/> names is writable.</summary>
    public static IHealthChecksBuilder AddStorageCheck(this IHealthChecksBuilder health, string name, Func<IServiceProvider, string> folder) =>
        health.Add(new HealthCheckRegistration(name, services => new StorageHealthCheck(folder(services)), failureStatus: null, tags: [Extensions.ReadyTag]));
}
