using System.Net;
using CyclingCoach.Sync.Import;
using CyclingCoach.Sync.IntervalsIcu;
using CyclingCoach.Sync.Recompute;
using CyclingCoach.Sync.Runs;
using CyclingCoach.Sync.Sources;
using CyclingCoach.Sync.Wellness;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Extensions;

public static class SyncPipelineExtensions
{
    /// <summary>
    /// The activity pipeline: file import (<c>Sync:Import:*</c>), the run queue, worker and scheduler (<c>Sync:*</c>),
    /// the threshold recompute worker, and the intervals.icu source (<c>IntervalsIcu:*</c>).
    /// </summary>
    public static IHostApplicationBuilder AddSyncPipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ImportOptions>().BindConfiguration("Sync:Import")
            .Validate(o => o.MaxUploadBytes > 0 && o.MaxFiles > 0 && o.MaxUncompressedBytes > 0 && o.MaxEntryBytes > 0, "Sync:Import limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<SyncOptions>().BindConfiguration("Sync")
            .Validate(o => o.ScheduleHours >= 0 && o.DefaultDaysBack > 0 && o.LeaseSeconds >= 3 && o.PollSeconds > 0 && o.RecomputeBatchSize > 0, "Sync settings out of range.")
            .ValidateOnStart();
        services.AddOptions<IntervalsIcuOptions>().BindConfiguration("IntervalsIcu")
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "IntervalsIcu:BaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddSingleton<FileUnpacker>();
        services.AddSingleton<WorkoutFileStore>();
        services.AddScoped<WorkoutImporter>();

        services.AddSingleton<SyncRunSignal>();
        services.AddScoped<SyncRunQueue>();
        services.AddScoped<SyncRunExecutor>();
        services.AddHostedService<SyncRunWorker>();
        services.AddHostedService<SyncScheduler>();

        services.AddSingleton<ThresholdRecomputeSignal>();
        services.AddScoped<ThresholdRecomputer>();
        services.AddHostedService<ThresholdRecomputeWorker>();

        services.AddScoped<IntervalsIcuCredentials>();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; the source handles 429 Retry-After itself.
        services.AddHttpClient<IntervalsIcuSource>((provider, http) =>
                http.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<IntervalsIcuOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddTransient<IActivitySource>(provider => provider.GetRequiredService<IntervalsIcuSource>());
        builder.AddWellnessSync();
        return builder;
    }
}
