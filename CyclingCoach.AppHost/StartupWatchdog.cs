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
/// <para>
/// It cannot die silently: what to watch is read from the model inside the event handler, on the thread that
/// publishes the event (the handlers after this one — the dashboard's — and the orchestrator change the model's lists;
/// read from another thread at the same moment they threw "Collection was modified" into a task nobody awaited, which
/// left <c>./coach up</c> waiting on <c>starting</c> for six minutes beside a healthy stack, issue 18), and any
/// exception of the watch is logged and written as <c>failed</c>. Notifications sent before the watch begins are not
/// lost: <see cref="ResourceNotificationService.WatchAsync"/> first replays every resource's latest state.
/// </para>
/// </summary>
public sealed class StartupWatchdog(
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
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            var watched = WatchedResources.From(e.Model);
            e.Services.GetRequiredService<StartupWatchdog>().Start(watched);
            return Task.CompletedTask;
        });
    }

    /// <summary>The watch, started and left running; its own failures end in <see cref="FailAsync"/>.</summary>
    public Task Start(WatchedResources watched)
    {
        WriteStatus("starting");
        return Task.Run(async () =>
        {
            try
            {
                await WatchAsync(watched, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                await FailAsync([], "the AppHost was stopped during start-up");
            }
            catch (Exception e)
            {
                logger.LogCritical(e, "The start-up watchdog failed");
                await FailAsync([], $"the start-up watchdog failed: {e.GetType().Name}: {e.Message}");
            }
        });
    }

    private async Task WatchAsync(WatchedResources watched, CancellationToken stoppingToken)
    {
        var started = DateTime.UtcNow;
        var latest = new Dictionary<string, CustomResourceSnapshot>();
        var ids = new Dictionary<string, string>(); // resource name → the orchestrator's id, which its logs are kept under
        var ready = new HashSet<string>(); // each resource's first ready moment is logged: the start-up's critical path

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(settings.StartupTimeout);
        try
        {
            await foreach (var change in notifications.WatchAsync(deadline.Token))
            {
                var name = change.Resource.Name;
                if (!watched.Names.Contains(name))
                {
                    continue;
                }

                latest[name] = change.Snapshot;
                ids[name] = change.ResourceId;
                var state = change.Snapshot.State?.Text;
                var ended = state is not null && KnownResourceStates.TerminalStates.Contains(state);
                if (ended && !(watched.OneShots.Contains(name) && change.Snapshot.ExitCode == 0))
                {
                    await FailAsync([change.ResourceId], $"{name} {state} (exit code {change.Snapshot.ExitCode?.ToString() ?? "none"})");
                    return;
                }

                if (watched.Ready(name, change.Snapshot) && ready.Add(name))
                {
                    logger.LogInformation("{Resource} ready at {Seconds:0.0} s", name, (DateTime.UtcNow - started).TotalSeconds);
                }

                if (watched.Names.All(n => latest.TryGetValue(n, out var s) && watched.Ready(n, s)))
                {
                    logger.LogInformation("All {Count} resources healthy in {Seconds:0.0} s", watched.Names.Count, (DateTime.UtcNow - started).TotalSeconds);
                    WriteStatus("healthy");
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            var waiting = watched.Names.Where(n => !(latest.TryGetValue(n, out var s) && watched.Ready(n, s))).ToList();
            var states = waiting.Select(n => $"{n}: {Describe(latest.GetValueOrDefault(n))}");
            // The first resource not ready that nothing else is waiting on is usually the cause; log every one.
            await FailAsync(waiting.Select(n => ids.GetValueOrDefault(n, n)), $"not healthy after {settings.StartupTimeout.TotalSeconds:0} s: {string.Join("; ", states)}");
        }
    }

    private static string Describe(CustomResourceSnapshot? snapshot) =>
        snapshot is null ? "no state" : $"{snapshot.State?.Text ?? "unknown"}, health {snapshot.HealthStatus?.ToString() ?? "unknown"}";

    /// <summary>Logs why and the resources' last log lines, writes <c>failed</c> and stops the AppHost; never throws.</summary>
    private async Task FailAsync(IEnumerable<string> resourceIds, string reason)
    {
        try
        {
            logger.LogError("Start-up failed: {Reason}", reason);
            foreach (var id in resourceIds)
            {
                logger.LogError("Last log lines of {Resource}:\n{Lines}", id, await LastLinesAsync(id));
            }
        }
        finally
        {
            WriteStatus($"failed: {reason}");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    /// <summary>The resource's last log lines, or why they could not be read (the report must go out regardless).</summary>
    private async Task<string> LastLinesAsync(string resourceId)
    {
        var lines = new List<string>();
        using var read = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await foreach (var batch in resourceLogs.GetAllAsync(resourceId).WithCancellation(read.Token))
            {
                lines.AddRange(batch.Select(l => l.Content));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            return $"(could not be read: {e.Message})";
        }

        return lines.Count == 0 ? "(none)" : string.Join('\n', lines.TakeLast(LogLines));
    }

    /// <summary>
    /// The whole line at once (written aside, then renamed over the file), without a cancellation token: a status is
    /// written even while the AppHost stops, and <c>./coach</c> never reads half of one. A failure to write is logged.
    /// </summary>
    private void WriteStatus(string status)
    {
        try
        {
            var file = StatusFile(settings);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file + ".new", status + "\n");
            File.Move(file + ".new", file, overwrite: true);
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Could not write the start-up status '{Status}' to {File}", status, StatusFile(settings));
        }
    }
}
