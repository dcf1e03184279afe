using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CyclingCoach.Coaching.Tests.Ai;

/// <summary>
/// The AI wiring as the service has it (ServiceDefaults first, so its default resilience handler is in play, then
/// AddCoachEngines) pointed at a fake server, with an in-memory prompt source, call log and warning log.
/// </summary>
public sealed class AiHost : IAsyncDisposable
{
    public const string ApiKey = "sk-or-v1-test";
    public const string Model = "anthropic/claude-sonnet-4.5";
    public const string AppUrl = "https://coach.example.test";
    public const string AppTitle = "CyclingCoach tests";

    /// <summary>The clock's "now": prompts that say "today" render this date.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly IHost host;
    private readonly AsyncServiceScope scope;

    private AiHost(IHost host, InMemoryAiCallLog callLog, InMemoryPromptSource prompts, CollectingLoggerProvider logs)
    {
        this.host = host;
        scope = host.Services.CreateAsyncScope();
        CallLog = callLog;
        Prompts = prompts;
        Logs = logs;
    }

    public InMemoryAiCallLog CallLog { get; }
    public InMemoryPromptSource Prompts { get; }
    public CollectingLoggerProvider Logs { get; }

    public IServiceProvider Services => scope.ServiceProvider;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A host for <paramref name="server"/>; <paramref name="settings"/> override the fast test defaults.</summary>
    public static AiHost Create(FakeOpenAiServer? server, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        var values = new Dictionary<string, string?>
        {
            ["OpenRouter:BaseUrl"] = server?.BaseUrl ?? "http://127.0.0.1:9/api/v1",
            ["OpenRouter:ApiKey"] = ApiKey,
            ["OpenRouter:Model"] = Model,
            ["OpenRouter:AppUrl"] = AppUrl,
            ["OpenRouter:AppTitle"] = AppTitle,
            ["OpenRouter:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.AddServiceDefaults();
        builder.AddCoachEngines();

        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        var callLog = new InMemoryAiCallLog();
        var prompts = new InMemoryPromptSource();
        builder.Services.AddSingleton<IAiCallLog>(callLog);
        builder.Services.AddSingleton<IPromptSource>(prompts);
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        return new AiHost(builder.Build(), callLog, prompts, logs);
    }

    /// <summary>Runs the hosted services' start-up (the model check) and waits for them.</summary>
    public async Task RunStartupChecksAsync()
    {
        foreach (var service in host.Services.GetServices<IHostedService>().OfType<ModelCheck>())
        {
            await service.StartAsync(CancellationToken.None);
            await service.ExecuteTask!;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        host.Dispose();
    }
}
