using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace CyclingCoach.AppHost.Tests;

/// <summary>
/// The AppHost and <c>deploy/docker-compose.yml</c> describe the same system twice; these tests fail when they drift
/// apart: resource names, the configuration keys each service receives, health checks and the published ports. The
/// AppHost's model is built (not started) with a throwaway folder and its default ports.
/// </summary>
public sealed class ComposeAgreementTests(ComposeAgreementTests.Descriptions both) : IClassFixture<ComposeAgreementTests.Descriptions>
{
    /// <summary>The AppHost's model, built once, and the compose file's services.</summary>
    public sealed class Descriptions : IAsyncLifetime
    {
        private readonly string directory = Directory.CreateTempSubdirectory("coach-compose-agreement.").FullName;
        private DistributedApplication? app;

        public DistributedApplicationModel Model => app!.Services.GetRequiredService<DistributedApplicationModel>();

        public YamlMappingNode ComposeServices { get; private set; } = new();

        public async Task InitializeAsync()
        {
            // Empty port settings on the command line (it wins over the environment): the AppHost's own defaults,
            // whatever ports the stack running these tests was given.
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CyclingCoach_AppHost>(
                [$"--COACH_DIR={directory}", "--COACH_PORT_BASE=", "--COACH_WEB_PORT=", "--COACH_DASHBOARD_PORT="]);
            app = await builder.BuildAsync();
            var yaml = new YamlStream();
            using var reader = File.OpenText(Path.Combine(RepositoryRoot(), "deploy", "docker-compose.yml"));
            yaml.Load(reader);
            ComposeServices = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        }

        public async Task DisposeAsync()
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            ModelFolders.Delete(directory);
        }
    }

    /// <summary>Keys only the compose deployment sets, with why: settings a self-hoster fills in .env, the container
    /// conventions, and what the AppHost gives by other means.</summary>
    private static readonly Dictionary<string, string> ComposeOnly = new()
    {
        ["Garmin__Username"] = "optional .env setting (the AppHost reads the rider's own configuration)",
        ["Garmin__Password"] = "optional .env setting",
        ["IntervalsIcu__AthleteId"] = "optional .env setting",
        ["IntervalsIcu__ApiKey"] = "optional .env setting",
        ["OpenRouter__ApiKey"] = "optional .env setting",
        ["OpenRouter__Model"] = "optional .env setting",
        ["ForwardedHeaders__KnownNetworks"] = "the TLS proxy in front of compose (the AppHost listens on loopback)",
        ["TRUSTED_PROXIES"] = "the TLS proxy in front of compose",
        ["TILE_URL"] = "optional .env setting",
        ["TILE_ATTRIBUTION"] = "optional .env setting",
        ["ASPNETCORE_URLS"] = "containers listen on 8080; the AppHost gives each service its port by endpoint",
        ["PORT"] = "the web container's port; the AppHost sets it from the web endpoint",
    };

    /// <summary>Keys only the AppHost sets (for every service, or for the one before the slash), with why.</summary>
    private static readonly Dictionary<string, string> AppHostOnly = new()
    {
        ["LOGGING__CONSOLE__FORMATTERNAME"] = "Aspire asks for its own console format; the services' default is already 'coach'",
        ["NODE_ENV"] = "the web image sets it in its Dockerfile",
        ["coaching/Storage__DataPath"] = " the AppHost gives every service a folder of its own; in compose coaching stores nothing on disk",
    };

    private static readonly string[] Applications = [ResourceNames.Sync, ResourceNames.Coaching, ResourceNames.Routes, ResourceNames.Gateway, ResourceNames.Web];

    private DistributedApplicationModel Model => both.Model;

    [Fact]
    public void Every_application_of_the_AppHost_is_a_compose_service_of_the_same_name_and_compose_adds_only_the_dashboard()
    {
        var composeNames = both.ComposeServices.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        var appHostNames = Model.Resources.Select(r => r.Name).ToHashSet();

        Assert.All(Applications.Append(ResourceNames.Postgres).Append(ResourceNames.Messaging), name => Assert.Contains(name, appHostNames));
        Assert.Equal(Applications.Append(ResourceNames.Postgres).Append(ResourceNames.Messaging).Append("dashboard").Order(), composeNames.Order());
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("coaching")]
    [InlineData("routes")]
    [InlineData("gateway")]
    [InlineData("web")]
    public async Task Each_service_gets_the_same_configuration_keys_from_both(string name)
    {
        var resource = (IResourceWithEnvironment)Model.Resources.Single(r => r.Name == name);
        // Only the keys are compared; the successor (ExecutionConfigurationBuilder) resolves values we do not need.
#pragma warning disable CS0618
        var environment = await resource.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
#pragma warning restore CS0618
        var fromAppHost = environment.Keys
            .Where(key => !IsAspireOnly(key) && !AppHostOnly.ContainsKey(key) && !AppHostOnly.ContainsKey($"{name}/{key}"))
            .ToHashSet();
        var composeEnvironment = ComposeEnvironment(name);
        var fromCompose = composeEnvironment.Keys.Where(key => !IsAspireOnly(key) && !ComposeOnly.ContainsKey(key)).ToHashSet();

        Assert.True(fromAppHost.SetEquals(fromCompose),
            $"{name}: only in the AppHost: [{string.Join(", ", fromAppHost.Except(fromCompose).Order())}]; " +
            $"only in compose: [{string.Join(", ", fromCompose.Except(fromAppHost).Order())}]");
        // Aspire names each service's telemetry after its resource; compose says it by hand.
        Assert.Equal(name, composeEnvironment["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public void Both_wait_for_the_same_health_the_services_on_their_health_endpoint_and_the_web_app_on_healthz()
    {
        foreach (var name in Applications)
        {
            var resource = Model.Resources.Single(r => r.Name == name);
            Assert.True(resource.Annotations.OfType<HealthCheckAnnotation>().Any(), $"{name} has no health check in the AppHost");
            var probe = ((YamlScalarNode)((YamlSequenceNode)Service(name)["healthcheck"]["test"]).Children[^1]).Value!;
            if (name == ResourceNames.Web)
            {
                Assert.Contains("/healthz'", probe);
            }
            else
            {
                Assert.EndsWith(":8080/health", probe);
            }
        }

        // What each application waits to be healthy before it starts: the same resources in both. (The services start
        // once PostgreSQL and RabbitMQ are healthy, the gateway beside them and the web app at once; each one's health says
        // when it is ready: the gateway's only once every service's is.)
        foreach (var name in Applications)
        {
            var waits = Model.Resources.Single(r => r.Name == name).Annotations.OfType<WaitAnnotation>()
                .Where(w => w.WaitType == WaitType.WaitUntilHealthy).Select(w => w.Resource.Name).ToHashSet();
            var dependsOn = Merged((YamlMappingNode)Service(name)["depends_on"])
                .Where(d => ((YamlScalarNode)((YamlMappingNode)d.Value)["condition"]).Value == "service_healthy")
                .Select(d => d.Key).ToHashSet();
            Assert.True(waits.SetEquals(dependsOn),
                $"{name} waits for [{string.Join(", ", waits.Order())}] in the AppHost, for [{string.Join(", ", dependsOn.Order())}] in compose");
        }
    }

    [Fact]
    public void The_published_ports_default_to_the_AppHost_ones()
    {
        int AppHostPort(string name) => Model.Resources.Single(r => r.Name == name).Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http").Port
            ?? throw new InvalidOperationException($"{name} has no fixed port");

        Assert.Equal(AppHostPort(ResourceNames.Gateway), PublishedDefault(ResourceNames.Gateway));
        Assert.Equal(AppHostPort(ResourceNames.Web), PublishedDefault(ResourceNames.Web));
        Assert.Equal(18888, PublishedDefault("dashboard"));
    }

    [Fact]
    public void The_dashboard_is_opt_in_and_one_setting_gives_every_application_its_endpoint()
    {
        // The dashboard runs only under its profile, and nothing waits for it.
        Assert.Equal(["dashboard"], ((YamlSequenceNode)Service("dashboard")["profiles"]).Children.Select(p => ((YamlScalarNode)p).Value));
        foreach (var name in Applications)
        {
            // The OTLP settings come from the active profile's file only: none of its own, so none without the dashboard.
            Assert.Equal("telemetry/${COMPOSE_PROFILES:-none}.env", ((YamlScalarNode)Service(name)["env_file"]).Value);
            Assert.DoesNotContain(ComposeEnvironment(name).Keys, key => key.StartsWith("OTEL_EXPORTER_", StringComparison.Ordinal));
            Assert.DoesNotContain("dashboard", Merged((YamlMappingNode)Service(name)["depends_on"]).Keys);
        }

        Assert.Empty(TelemetryFile("none"));
        var on = TelemetryFile("dashboard");
        Assert.Equal("http://dashboard:18889", on["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", on["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    /// <summary>The settings of <c>deploy/telemetry/{profile}.env</c> (comments left out).</summary>
    private static Dictionary<string, string> TelemetryFile(string profile) =>
        File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", "telemetry", $"{profile}.env"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

    private Dictionary<string, YamlNode> Service(string name) => Merged((YamlMappingNode)both.ComposeServices[name]);

    private Dictionary<string, string> ComposeEnvironment(string name) =>
        Merged((YamlMappingNode)Service(name)["environment"]).ToDictionary(e => e.Key, e => (e.Value as YamlScalarNode)?.Value ?? "");

    /// <summary>A mapping with its YAML merge keys (<c>&lt;&lt;: *service-env</c>) resolved; its own keys win.</summary>
    private static Dictionary<string, YamlNode> Merged(YamlMappingNode map)
    {
        var result = map.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) ? Merged((YamlMappingNode)merged) : [];
        foreach (var (key, value) in map.Children.Where(c => ((YamlScalarNode)c.Key).Value != "<<"))
        {
            result[((YamlScalarNode)key).Value!] = value;
        }

        return result;
    }

    /// <summary>The default of <c>"${X_BIND:-127.0.0.1}:${X_PORT:-5100}:8080"</c>.</summary>
    private int PublishedDefault(string name)
    {
        var mapping = ((YamlScalarNode)((YamlSequenceNode)Service(name)["ports"]).Children[0]).Value!;
        var match = System.Text.RegularExpressions.Regex.Match(mapping, @"_PORT:-(\d+)\}:\d+$");
        Assert.True(match.Success, $"{name}: unexpected port mapping {mapping}");
        return int.Parse(match.Groups[1].Value);
    }

    /// <summary>What Aspire adds on its own (service discovery twins, OTLP wiring, .NET console settings).</summary>
    private static bool IsAspireOnly(string key) =>
        key.StartsWith("OTEL_", StringComparison.Ordinal)
        || key.StartsWith("DOTNET_", StringComparison.Ordinal)
        || key.StartsWith("ASPNETCORE_FORWARDEDHEADERS", StringComparison.Ordinal)
        || key is "LOGGING__CONSOLE__FORMATTEROPTIONS__TIMESTAMPFORMAT" or "HTTP_PORTS" or "ASPNETCORE_URLS" or "PORT"
        || System.Text.RegularExpressions.Regex.IsMatch(key, "^[A-Z]+_HTTPS?$") && key != "GATEWAY_HTTP";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CyclingCoach.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CyclingCoach.sln not found above the test's folder");
    }
}
