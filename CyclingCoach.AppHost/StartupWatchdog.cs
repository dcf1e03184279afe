using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CyclingCoach.AppHost;

/// <summary>
/// Makes start-up failures loud and bounded (the orchestrator leaves a resource's dependents "Waiting" for ever when
/// it cannot start): once every resource is healthy it writes <c>healthy</c> to <c>$COACH_DIR/run/apphost.status</c>;
/// if one exits or fails to start, or the start-up timeout passes first, it logs the resource's name, state and last
/// log lines, writes <c>failed</c> there and stops the AppHost with exit code 1. <c>./coach up</c> waits on that file.
/// It starts with the orchestrator (BeforeStartEvent), not as a hosted service: the host starts hosted services only
/// once every resource has left "Waiting", which is exactly what never happens when a dependency fails.
/// </summary>
public sealed class StartupWatchdog(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    CoachSettings settings,
    ILogger<StartupWatchdog> logger)
{
    private const int LogLines = 25;

    public static string StatusFile(CoachSettings settings) => Path.Combine(settings.Directory, "run", "apphost.status");

    public static void Register(IDistributedApplicationBuilder builder, CoachSettings settings)
    {
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<StartupWatchdog>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, cancellationToken) =>
        {
            var lifetime = e.Services.GetRequiredService<IHostApplicationLifetime>();
            _ = e.Services.GetRequiredService<StartupWatchdog>().RunAsync(lifetime.ApplicationStopping);
            return Task.CompletedTask;
        });
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var started = DateTime.UtcNow;
        Directory.CreateDirectory(Path.GetDirectoryName(StatusFile(settings))!);
        await File.WriteAllTextAsync(StatusFile(settings), "starting\n", stoppingToken);

        // One-shot resources (others wait for their completion) must finish with exit code 0; the rest must be healthy.
        var oneShots = model.Resources
            .SelectMany(r => r.Annotations.OfType<WaitAnnotation>())
            .Where(w => w.WaitType == WaitType.WaitForCompletion)
            .Select(w => w.Resource.Name)
            .ToHashSet();
        var watched = model.Resources
            .Where(r => r is ProjectResource or ExecutableResource or ContainerResource && r.Name != "aspire-dashboard" && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any())
            .Select(r => r.Name)
            .ToHashSet();
        var latest = new Dictionary<string, CustomResourceSnapshot>();
        var ids = new Dictionary<string, string>(); // resource name → the orchestrator's id, which its logs are kept under

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(settings.StartupTimeout);
        try
        {
            await foreach (var change in notifications.WatchAsync(deadline.Token))
            {
                if (change.Snapshot.IsHidden)
                {
                    watched.Remove(change.Resource.Name); // the orchestrator's own helpers (project rebuilders)
                }

                if (!watched.Contains(change.Resource.Name))
                {
                    continue;
                }

                latest[change.Resource.Name] = change.Snapshot;
                ids[change.Resource.Name] = change.ResourceId;
                var state = change.Snapshot.State?.Text;
                var ended = state is not null && KnownResourceStates.TerminalStates.Contains(state);
                if (ended && !(oneShots.Contains(change.Resource.Name) && change.Snapshot.ExitCode == 0))
                {
                    await FailAsync([change.ResourceId], $"{change.Resource.Name} {state} (exit code {change.Snapshot.ExitCode?.ToString() ?? "none"})");
                    return;
                }

                if (watched.All(name => latest.TryGetValue(name, out var s) && Ready(name, s, oneShots)))
                {
                    logger.LogInformation("All {Count} resources healthy in {Seconds:0.0} s", watched.Count, (DateTime.UtcNow - started).TotalSeconds);
                    await File.WriteAllTextAsync(StatusFile(settings), "healthy\n", stoppingToken);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            var waiting = watched.Where(name => !(latest.TryGetValue(name, out var s) && Ready(name, s, oneShots))).ToList();
            var states = waiting.Select(name => $"{name}: {Describe(latest.GetValueOrDefault(name))}");
            // The first resource not ready that nothing else is waiting on is usually the cause; log every one.
            await FailAsync(waiting.Select(name => ids.GetValueOrDefault(name, name)), $"not healthy after {settings.StartupTimeout.TotalSeconds:0} s: {string.Join("; ", states)}");
        }
    }

    private static bool Ready(string name, CustomResourceSnapshot snapshot, HashSet<string> oneShots) =>
        oneShots.Contains(name)
            ? snapshot.ExitCode == 0
            : snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;

    private static string Describe(CustomResourceSnapshot? snapshot) =>
        snapshot is null ? "no state" : $"{snapshot.State?.Text ?? "unknown"}, health {snapshot.HealthStatus?.ToString() ?? "unknown"}";

    private async Task FailAsync(IEnumerable<string> resourceIds, string reason)
    {
        logger.LogError("Start-up failed: {Reason}", reason);
        foreach (var id in resourceIds)
        {
            var lines = new List<string>();
            using var read = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await foreach (var batch in resourceLogs.GetAllAsync(id).WithCancellation(read.Token))
                {
                    lines.AddRange(batch.Select(l => l.Content));
                }
            }
            catch (OperationCanceledException)
            {
            }

            logger.LogError("Last log lines of {Resource}:\n{Lines}", id, lines.Count == 0 ? "(none)" : string.Join('\n', lines.TakeLast(LogLines)));
        }

        await File.WriteAllTextAsync(StatusFile(settings), $"failed: {reason}\n");
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }
}
