using Microsoft.Extensions.Configuration;

namespace CyclingCoach.AppHost;

/// <summary>Where the system runs: the COACH_* variables that <c>./coach</c> has always read (README), with today's
/// defaults, so bookmarks keep working and a second stack (<c>./coach test</c>) can run beside the first. The dashboard
/// is on 18888, its OTLP endpoints (gRPC, HTTP) on 18889 and 18890, the resource service on 18891 (COACH_DASHBOARD_PORT
/// moves all four).</summary>
public sealed record CoachSettings(
    string Directory,
    int GatewayPort,
    int WebPort,
    int PostgresPort,
    int AmqpPort,
    int ManagementPort,
    int DashboardPort,
    int OtlpPort,
    int OtlpHttpPort,
    int ResourceServicePort,
    string RabbitNode,
    string PostgresBin,
    bool Containers,
    bool TestProfile,
    TimeSpan StartupTimeout)
{
    public int PortOf(string service) => service switch
    {
        ResourceNames.Gateway => GatewayPort,
        ResourceNames.Sync => GatewayPort + 1,
        ResourceNames.Coaching => GatewayPort + 2,
        ResourceNames.Routes => GatewayPort + 3,
        ResourceNames.Web => WebPort,
        AppHost.TestProfile.FakeGarmin => GatewayPort + 90,
        AppHost.TestProfile.FakeIntervals => GatewayPort + 91,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not a service"),
    };

    public string DataPath(string service) => Path.Combine(Directory, "data", service);

    /// <summary>The settings the stack was started with, the first lines of <c>run/stack.env</c> (<see cref="StackEnvironment"/>
    /// adds every resource's address from the model).</summary>
    public IEnumerable<string> EnvironmentLines() =>
    [
        $"DASHBOARD_URL=http://127.0.0.1:{DashboardPort}",
        $"COACH_PORT_BASE={GatewayPort}",
        $"COACH_WEB_PORT={WebPort}",
        $"COACH_PG_PORT={PostgresPort}",
        $"COACH_AMQP_PORT={AmqpPort}",
        $"COACH_DIR={Directory}",
    ];

    public static CoachSettings From(IConfiguration configuration, string appHostDirectory)
    {
        int Port(string key, int fallback) => int.TryParse(configuration[key], out var port) ? port : fallback;

        var directory = configuration["COACH_DIR"] is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.GetFullPath(Path.Combine(appHostDirectory, "..", ".coach"));
        var amqpPort = Port("COACH_AMQP_PORT", 5672);
        // RabbitMQ's listener fails above 32767 on this kind of machine (its distribution port is AMQP + 20000).
        if (amqpPort >= 32768)
        {
            throw new InvalidOperationException("COACH_AMQP_PORT must be below 32768.");
        }

        var dashboardPort = Port("COACH_DASHBOARD_PORT", 18888);
        var infrastructure = configuration["COACH_INFRASTRUCTURE"] ?? "executables";
        var profile = configuration["COACH_PROFILE"] ?? "default";
        return new CoachSettings(
            directory,
            GatewayPort: Port("COACH_PORT_BASE", 5100),
            WebPort: Port("COACH_WEB_PORT", 3000),
            PostgresPort: Port("COACH_PG_PORT", 55432),
            AmqpPort: amqpPort,
            ManagementPort: Port("COACH_MGMT_PORT", 15672),
            DashboardPort: dashboardPort,
            OtlpPort: Port("COACH_OTLP_PORT", dashboardPort + 1),
            OtlpHttpPort: Port("COACH_OTLP_HTTP_PORT", dashboardPort + 2),
            ResourceServicePort: Port("COACH_RESOURCE_SERVICE_PORT", dashboardPort + 3),
            RabbitNode: configuration["COACH_RABBIT_NODE"] ?? "coach",
            PostgresBin: configuration["COACH_PG_BIN"] ?? "/usr/lib/postgresql/15/bin",
            Containers: infrastructure switch
            {
                "executables" => false,
                "containers" => true,
                _ => throw new InvalidOperationException($"COACH_INFRASTRUCTURE is '{infrastructure}': use 'executables' or 'containers'."),
            },
            TestProfile: profile switch
            {
                "default" => false,
                "test" => true,
                _ => throw new InvalidOperationException($"COACH_PROFILE is '{profile}': use 'default' or 'test'."),
            },
            StartupTimeout: TimeSpan.FromSeconds(Port("COACH_STARTUP_TIMEOUT", 300)));
    }
}
