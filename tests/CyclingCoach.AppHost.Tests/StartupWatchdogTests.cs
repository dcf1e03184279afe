using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CyclingCoach.AppHost.Tests;

/// <summary>
/// The start-up watchdog on a notification service of its own (no processes): it reports <c>healthy</c>, or
/// <c>failed</c> with the reason, whatever happens — a state sent before the watch began, a resource that exits, a
/// timeout, an exception inside the watch (issue 18: a watch that died left <c>starting</c> for ever).
/// </summary>
public sealed class StartupWatchdogTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string directory = Directory.CreateTempSubdirectory("watchdog-").FullName;
    private readonly Lifetime lifetime = new();
    private readonly ResourceNotificationService notifications;
    private readonly CapturingLogger logger = new();
    private readonly ExecutableResource init = new("postgres-init", "bash", "/");
    private readonly ExecutableResource postgres = new("postgres", "postgres", "/");
    private readonly ExecutableResource web = new("web", "node", "/");

    public StartupWatchdogTests() => notifications = new ResourceNotificationService(
        NullLogger<ResourceNotificationService>.Instance, lifetime, new ServiceCollection().BuildServiceProvider(), new ResourceLoggerService());

    public void Dispose()
    {
        notifications.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private WatchedResources Watched(IEqualityComparer<string>? comparer = null) =>
        new(new HashSet<string>(["postgres-init", "postgres", "web"], comparer), new HashSet<string>(["postgres-init"]));

    private Task StartAsync(WatchedResources watched, TimeSpan? timeout = null)
    {
        var settings = new CoachSettings(directory, 1, 2, 3, 4, 5, 6, 7, 8, 9, "node", "/bin", false, false, timeout ?? Patience);
        return new StartupWatchdog(notifications, new ResourceLoggerService(), lifetime, settings, logger).Start(watched);
    }

    private string Status => File.ReadAllText(Path.Combine(directory, "run", "apphost.status")).Trim();

    /// <summary>A resource without health checks is healthy once Running (Aspire's rule).</summary>
    private Task PublishAsync(IResource resource, string state, int? exitCode = null) =>
        notifications.PublishUpdateAsync(resource, $"{resource.Name}-id", s => s with { State = state, ExitCode = exitCode });

    [Fact]
    public async Task Healthy_once_every_resource_is_counting_states_sent_before_the_watch_began()
    {
        await PublishAsync(init, KnownResourceStates.Finished, exitCode: 0);
        await PublishAsync(postgres, KnownResourceStates.Running);

        var watch = StartAsync(Watched());
        Assert.Equal("starting", Status);
        await PublishAsync(web, KnownResourceStates.Starting);
        await PublishAsync(web, KnownResourceStates.Running);
        await watch.WaitAsync(Patience);

        Assert.Equal("healthy", Status);
        Assert.False(lifetime.Stopped);
    }

    [Fact]
    public async Task A_resource_that_exits_fails_the_start_and_stops_the_AppHost()
    {
        var watch = StartAsync(Watched());
        await PublishAsync(init, KnownResourceStates.Finished, exitCode: 0);
        await PublishAsync(postgres, KnownResourceStates.Exited, exitCode: 1);
        await watch.WaitAsync(Patience);

        Assert.Equal("failed: postgres Exited (exit code 1)", Status);
        Assert.True(lifetime.Stopped);
    }

    [Fact]
    public async Task Not_healthy_in_time_fails_naming_what_is_not()
    {
        var watch = StartAsync(Watched(), TimeSpan.FromSeconds(1));
        await PublishAsync(init, KnownResourceStates.Finished, exitCode: 0);
        await PublishAsync(postgres, KnownResourceStates.Running);
        await PublishAsync(web, KnownResourceStates.Starting);
        await watch.WaitAsync(Patience);

        Assert.Equal("failed: not healthy after 1 s: web: Starting, health unknown", Status);
        Assert.True(lifetime.Stopped);
    }

    [Fact]
    public async Task An_exception_inside_the_watch_is_logged_and_written_as_failed()
    {
        var planted = new PlantedFailure();
        var watched = Watched(planted);
        planted.Armed = true; // the next look-up in the watched names throws

        var watch = StartAsync(watched);
        await PublishAsync(postgres, KnownResourceStates.Running);
        await watch.WaitAsync(Patience);

        Assert.Equal("failed: the start-up watchdog failed: InvalidOperationException: planted", Status);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Critical && e.Exception?.Message == "planted");
        Assert.True(lifetime.Stopped);
    }

    private sealed class PlantedFailure : IEqualityComparer<string>
    {
        public bool Armed { get; set; }

        public bool Equals(string? x, string? y) => Armed ? throw new InvalidOperationException("planted") : x == y;

        public int GetHashCode(string value) => Armed ? throw new InvalidOperationException("planted") : value.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource stopping = new();

        public bool Stopped => stopping.IsCancellationRequested;

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => stopping.Cancel();
    }

    private sealed class CapturingLogger : ILogger<StartupWatchdog>
    {
        public List<(LogLevel Level, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, exception));
            }
        }
    }
}
