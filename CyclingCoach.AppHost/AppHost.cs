using CyclingCoach.AppHost;
using Microsoft.Extensions.DependencyInjection;

// The one description of the running system (ARCHITECTURE.md §1): `./coach up` runs it, the AppHost tests start it, and
// `dotnet run --project CyclingCoach.AppHost` runs it anywhere with the .NET SDK. PostgreSQL and RabbitMQ are Debian's
// servers run as executables, or Aspire's containers with COACH_INFRASTRUCTURE=containers. Every service gets exactly
// the keys of ARCHITECTURE.md §2; deploy/docker-compose.yml injects the same ones.
// No `dcp monitor-process` beside every executable (DCP reads this from the environment it inherits): each is a Go
// process of ≈ 22 MB PSS that kills its executable should DCP itself die without stopping it — nine of them were a sixth
// of the stack at rest (bench/RESULTS.md, "Issue 23: memory at rest"). DCP still stops everything when the AppHost
// stops or dies (it monitors the AppHost); `./coach down` kills what still holds the stack's ports after that.
Environment.SetEnvironmentVariable("DCP_DISABLE_MONITOR_PROCESS", "1");
var builder = DistributedApplication.CreateBuilder(args);
var settings = CoachSettings.From(builder.Configuration, builder.AppHostDirectory);
var secrets = Secrets.LoadOrCreate(settings.Directory, builder.Configuration);
Dashboard.OnLoopbackWithKey(builder, settings, secrets.DashboardKey);
StartupWatchdog.Register(builder, settings);
PromptHealthChecks.AskAgainUntilHealthy(builder);

var infrastructure = Infrastructure.Add(builder, settings, secrets);
var messaging = infrastructure.Messaging;
var apiKey = builder.AddParameter("api-key", secrets.ApiKey, secret: true);
var webProxyKey = builder.AddParameter("web-proxy-key", secrets.WebProxyKey, secret: true);
// The credential the services accept from the gateway only (DNS-rebinding pages and other local callers lack it).
var serviceKey = builder.AddParameter("service-key", secrets.ServiceKey, secret: true);

// Fixed, non-proxied ports: the ones ./coach has always used (bookmarks, scripts, crash tests that kill a process).
IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name, launchProfileName: null)
        .RunBuiltOutput()
        .WithHttpEndpoint(port: settings.PortOf(name), isProxied: false)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
        // Aspire asks for the "simple" console format; keep the services' one-line format that carries trace=<id>.
        .WithEnvironment("LOGGING__CONSOLE__FORMATTERNAME", "coach")
        .WithEnvironment("Auth__ServiceKey", serviceKey)
        .WithReference(messaging).WaitFor(messaging)
        .WithHttpHealthCheck("/health");

var sync = Service<Projects.CyclingCoach_Sync>(ResourceNames.Sync)
    .WithReference(infrastructure.Database(builder, ResourceNames.SyncDb)).WaitFor(infrastructure.Postgres)
    .WithEnvironment("Storage__DataPath", settings.DataPath(ResourceNames.Sync))
    .WithEnvironment("Storage__KeyEncryptionKey", builder.AddParameter("key-encryption-key", secrets.KeyEncryptionKey, secret: true));

var routes = Service<Projects.CyclingCoach_Routes>(ResourceNames.Routes)
    .WithReference(infrastructure.Database(builder, ResourceNames.RoutesDb)).WaitFor(infrastructure.Postgres)
    .WithEnvironment("Storage__DataPath", settings.DataPath(ResourceNames.Routes));

// Coaching reads routes from Routes for the rider's assistant (its MCP tools); it starts without waiting for it.
var coaching = Service<Projects.CyclingCoach_Coaching>(ResourceNames.Coaching)
    .WithReference(infrastructure.Database(builder, ResourceNames.CoachingDb)).WaitFor(infrastructure.Postgres)
    .WithReference(routes)
    .WithEnvironment("Storage__DataPath", settings.DataPath(ResourceNames.Coaching));

// Started beside the services, not after them: its /health is healthy only once each service's is (DownstreamHealthCheck).
var gateway = Service<Projects.CyclingCoach_Gateway>(ResourceNames.Gateway)
    .WithReference(sync)
    .WithReference(coaching)
    .WithReference(routes)
    .WithEnvironment("Auth__ApiKey", apiKey)
    .WithEnvironment("Auth__WebProxyKey", webProxyKey)
    .WithExternalHttpEndpoints();

builder.AddWebApp(settings, gateway, apiKey, webProxyKey);
builder.AddFakes(settings, sync, gateway);

var app = builder.Build();
StackEnvironment.Write(app.Services.GetRequiredService<DistributedApplicationModel>(), settings);
app.Run();
