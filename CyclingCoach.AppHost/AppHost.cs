using CyclingCoach.ServiceDefaults;

// The CyclingCoach topology for machines with Aspire and a container runtime (DESIGN §1, §8):
//   dotnet run --project CyclingCoach.AppHost          (dashboard, PostgreSQL and RabbitMQ containers, all services)
//   aspire publish -o artifacts                        (docker-compose.yaml through the compose environment)
// Every service gets exactly the keys of DESIGN §2; ./coach and deploy/docker-compose.yml inject the same ones.
var builder = DistributedApplication.CreateBuilder(args);

builder.AddDockerComposeEnvironment("compose");

// Secrets: Parameters:<name> in user secrets / appsettings / env (Parameters__api-key). The passwords and the API key
// are generated on first run and kept in the AppHost's user secrets, so the data volumes stay usable across runs.
var postgresPassword = builder.AddParameter("postgres-password", GeneratedSecret(), secret: true, persist: true);
var rabbitmqPassword = builder.AddParameter("rabbitmq-password", GeneratedSecret(), secret: true, persist: true);
var apiKey = builder.AddParameter("api-key", GeneratedSecret(), secret: true, persist: true);
var openRouterApiKey = builder.AddParameter("openrouter-api-key", secret: true);   // "" = built-in coach (appsettings.json)
var openRouterModel = builder.AddParameter("openrouter-model", "anthropic/claude-sonnet-4.5", publishValueAsDefault: true);

var postgres = builder.AddPostgres(ResourceNames.Postgres, password: postgresPassword)
    .WithDataVolume();
var syncDb = postgres.AddDatabase(ResourceNames.SyncDb);
var coachingDb = postgres.AddDatabase(ResourceNames.CoachingDb);
var routesDb = postgres.AddDatabase(ResourceNames.RoutesDb);

var messaging = builder.AddRabbitMQ(ResourceNames.Messaging, password: rabbitmqPassword)
    .WithManagementPlugin()
    .WithDataVolume();

var sync = builder.AddProject<Projects.CyclingCoach_Sync>(ResourceNames.Sync)
    .WithReference(syncDb).WaitFor(syncDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Storage__DataPath", DataPath(builder, ResourceNames.Sync))
    .WithHttpHealthCheck("/health");

var coaching = builder.AddProject<Projects.CyclingCoach_Coaching>(ResourceNames.Coaching)
    .WithReference(coachingDb).WaitFor(coachingDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("OpenRouter__ApiKey", openRouterApiKey)
    .WithEnvironment("OpenRouter__Model", openRouterModel)
    .WithHttpHealthCheck("/health");

var routes = builder.AddProject<Projects.CyclingCoach_Routes>(ResourceNames.Routes)
    .WithReference(routesDb).WaitFor(routesDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Storage__DataPath", DataPath(builder, ResourceNames.Routes))
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.CyclingCoach_Gateway>(ResourceNames.Gateway)
    .WithReference(sync).WaitFor(sync)
    .WithReference(coaching).WaitFor(coaching)
    .WithReference(routes).WaitFor(routes)
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Auth__ApiKey", apiKey)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

// Next.js: `npm run dev` on $PORT in run mode; frontend/Dockerfile when published. WithReference(gateway) injects
// GATEWAY_HTTP (and services__gateway__http__0), which the web server proxies /api/* to.
builder.AddJavaScriptApp(ResourceNames.Web, "../frontend", runScriptName: "dev")
    .WithNpm(installCommand: "install")
    .WithHttpEndpoint(env: "PORT")
    .WithExternalHttpEndpoints()
    .WithEnvironment("Auth__ApiKey", apiKey)
    .WithEnvironment("NEXT_TELEMETRY_DISABLED", "1")
    .WithReference(gateway).WaitFor(gateway)
    .WithHttpHealthCheck("/healthz")
    .PublishAsDockerFile();

builder.Build().Run();

// Letters and digits only: the values go into connection strings and an amqp:// URI as they are.
static GenerateParameterDefault GeneratedSecret() => new() { MinLength = 32, Special = false };

// Run mode: .coach/aspire/<service> in the repository (gitignored); published containers: /data (a volume).
static string DataPath(IDistributedApplicationBuilder appBuilder, string service) =>
    appBuilder.ExecutionContext.IsPublishMode
        ? "/data"
        : Path.GetFullPath(Path.Combine(appBuilder.AppHostDirectory, "..", ".coach", "aspire", service));
