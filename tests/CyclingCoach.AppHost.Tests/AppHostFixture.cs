namespace CyclingCoach.AppHost.Tests;

/// <summary>Starts the AppHost once for the test class and waits until the gateway and the web app are healthy.</summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public const string ApiKey = "apphost-tests-api-key";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var cancellationToken = cts.Token;

        // Parameters:<name> is where AddParameter reads its value; giving every generated secret here keeps the run
        // from generating (and persisting) values of its own. openrouter-api-key is "" (appsettings): built-in coach.
        string[] args =
        [
            $"--Parameters:api-key={ApiKey}",
            "--Parameters:postgres-password=AppHostTestsPostgres1",
            "--Parameters:rabbitmq-password=AppHostTestsRabbit1",
        ];
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CyclingCoach_AppHost>(
            args,
            (options, _) => options.DisableDashboard = true,
            cancellationToken);

        _app = await appHost.BuildAsync(cancellationToken).WaitAsync(StartTimeout, cancellationToken);
        await _app.StartAsync(cancellationToken).WaitAsync(StartTimeout, cancellationToken);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, cancellationToken);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Web, cancellationToken);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>One AppHost for every test class: the gateway's port is fixed, so two instances cannot run at once.</summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}
