namespace CyclingCoach.AppHost.Tests;

/// <summary>
/// The real AppHost, started once through Aspire.Hosting.Testing with its own folder and ports, and every resource
/// healthy before the first test. A bounded start: a resource that cannot start fails the run instead of leaving it
/// waiting for ever.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public const string ApiKey = "apphost-tests-api-key";
    public const string DashboardKey = "apphost-tests-dashboard-key";

    public static readonly string[] Services = [ResourceNames.Sync, ResourceNames.Coaching, ResourceNames.Routes, ResourceNames.Gateway];

    public static readonly string[] Resources = [ResourceNames.Postgres, ResourceNames.Messaging, .. Services, ResourceNames.Web];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("coach-apphost-tests.").FullName;
    private DistributedApplication? app;

    /// <summary>The stack's COACH_DIR (PostgreSQL's data is under pg/data).</summary>
    public string Directory => directory;

    public TestPorts Ports { get; } = TestPorts.FromEnvironment();

    public DistributedApplication App => app ?? throw new InvalidOperationException("The AppHost is not running.");

    /// <summary>The dashboard (a resource of its own; the testing builder picks its port).</summary>
    public Uri DashboardUrl => App.GetEndpoint("aspire-dashboard", "http");

    /// <summary>The processes listening on the stack's ports once it was healthy (port → pid).</summary>
    public IReadOnlyDictionary<int, int> Listening { get; private set; } = new Dictionary<int, int>();

    public TimeSpan StartTime { get; private set; }

    public async Task InitializeAsync()
    {
        var busy = await Listeners.PidsByPortAsync(Ports.All);
        Assert.True(busy.Count == 0, $"ports already taken: {string.Join(", ", busy.Keys)} (set COACH_APPHOST_TEST_*)");
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101); // the postgres user must reach its folder inside

        using var cts = new CancellationTokenSource(StartTimeout);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CyclingCoach_AppHost>(
            [.. Ports.AppHostArguments(directory), $"--Parameters:api-key={ApiKey}", $"--Parameters:dashboard-key={DashboardKey}", $"--COACH_STARTUP_TIMEOUT={StartTimeout.TotalSeconds - 30}"],
            (options, _) => options.DisableDashboard = false,
            cts.Token);
        app = await builder.BuildAsync(cts.Token);
        await app.StartAsync(cts.Token).WaitAsync(StartTimeout, cts.Token);
        foreach (var resource in Resources)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token).WaitAsync(StartTimeout, cts.Token);
        }

        StartTime = started.Elapsed;
        Listening = await Listeners.PidsByPortAsync([.. Ports.All, DashboardUrl.Port]);
    }

    /// <summary>Stops the AppHost (idempotent); the last test calls it to check what is left.</summary>
    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync().WaitAsync(TimeSpan.FromMinutes(2));
            await app.DisposeAsync();
            app = null;
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file the postgres user still writes: the folder is under /tmp and unique to this run.
        }
    }

    public HttpClient Gateway(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Ports.Gateway}"), Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }
}
