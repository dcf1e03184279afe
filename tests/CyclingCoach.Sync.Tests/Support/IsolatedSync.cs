using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CyclingCoach.Sync.Tests.Support;

/// <summary>
/// A Sync service on its own database, virtual host and data folder, for tests whose thresholds must not leak into
/// other tests (the threshold history is one per database). <see cref="StartHostAsync"/> can be called again after
/// <see cref="StopHostAsync"/> to play a restart on the same data. Watches the bus: what the service consumed (per
/// MessageId) and every <see cref="WorkoutMetricsRecalculated"/> it published, received on a queue of its own.
/// </summary>
public sealed class IsolatedSync : IAsyncDisposable
{
    private readonly Dictionary<string, string?> settings;

    // One durable queue across restarts: what a stopped host's relay published is still received by the next host.
    private readonly string observerQueue = $"test-recalculated-{Guid.NewGuid():N}";
    private TestVirtualHost? vhost;

    private IsolatedSync(string prefix, IReadOnlyDictionary<string, string?>? extra)
    {
        Database = new TestDatabase(prefix);
        DataPath = Directory.CreateTempSubdirectory($"{prefix}-").FullName;
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:syncdb"] = Database.ConnectionString,
            ["Storage:DataPath"] = DataPath,
            ["Sync:PollSeconds"] = "0.5",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public TestDatabase Database { get; }
    public string DataPath { get; }
    public ServiceFactory<Program> Host { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public ConsumedMessages Consumed { get; } = new();
    /// <summary>
    /// Every distinct WorkoutMetricsRecalculated received, by MessageId: the outbox delivers at least once (a relay
    /// stopped between publishing and marking the row sends it again from the next host), and every consumer of
    /// ours drops a repeated MessageId, so that is what "once" means on the bus.
    /// </summary>
    public ConcurrentQueue<WorkoutMetricsRecalculated> Recalculated { get; } = new();

    private readonly ConcurrentDictionary<Guid, bool> recalculatedIds = new();

    public static async Task<IsolatedSync> StartAsync(string prefix, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var sync = new IsolatedSync(prefix, settings);
        sync.vhost = await TestVirtualHost.CreateAsync(prefix);
        sync.settings["ConnectionStrings:messaging"] = sync.vhost.ConnectionString;
        await sync.StartHostAsync();
        return sync;
    }

    /// <summary>Starts the service (migrating on first start) and connects the observers to its bus.</summary>
    public async Task StartHostAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var effective = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            effective[key] = value;
        }

        Host = new ServiceFactory<Program>(effective);
        Client = Host.CreateClient();
        var bus = Host.Services.GetRequiredService<IBus>();
        ((IConsumeObserverConnector)bus).ConnectConsumeObserver(Consumed);
        var endpoint = bus.ConnectReceiveEndpoint(observerQueue, e =>
            e.Handler<WorkoutMetricsRecalculated>(context =>
            {
                if (recalculatedIds.TryAdd(context.MessageId ?? Guid.NewGuid(), true))
                {
                    Recalculated.Enqueue(context.Message);
                }

                return Task.CompletedTask;
            }));
        await endpoint.Ready;
    }

    public async Task StopHostAsync() => await Host.DisposeAsync();

    public IReadOnlyList<WorkoutMetricsRecalculated> RecalculatedFor(Guid workoutId) => Recalculated.Where(e => e.WorkoutId == workoutId).ToList();

    /// <summary>Publishes <paramref name="message"/> with <paramref name="messageId"/> and waits until the service consumed it once more.</summary>
    public async Task DeliverAsync<TMessage>(TMessage message, Guid messageId) where TMessage : class
    {
        var before = Consumed.Completed(messageId);
        await Host.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId);
        var after = await Eventually.WaitAsync(() => Task.FromResult(Consumed.Completed(messageId)), n => n > before, TimeSpan.FromSeconds(30));
        Assert.True(after > before, $"{typeof(TMessage).Name} {messageId} was not consumed: {Consumed.Fault(messageId)}");
    }

    /// <summary>
    /// Waits until no ride is due for a recompute, every outbox row is published and this test's queue has received
    /// every published WorkoutMetricsRecalculated — after that, counts are final.
    /// </summary>
    public async Task SettleAsync()
    {
        const string Pending = """
            SELECT (SELECT count(*) FROM workouts w WHERE ((w.has_streams OR w.average_power > 0) AND w.thresholds_checked_version < coalesce((SELECT version FROM athlete_thresholds), 0))
                                                     OR w.training_load_source IS NULL OR w.metrics_outdated)
                 + (SELECT count(*) FROM outbox_messages WHERE published_at IS NULL)
            """;
        var pending = await Eventually.WaitAsync(() => Database.ScalarAsync<long>(Pending), n => n == 0, TimeSpan.FromSeconds(120));
        Assert.Equal(0, pending);
        var published = await RecalculatedInOutboxAsync();
        var received = await Eventually.WaitAsync(() => Task.FromResult((long)Recalculated.Count), n => n >= published, TimeSpan.FromSeconds(30));
        Assert.Equal(published, received);
    }

    public Task<long> RecalculatedInOutboxAsync(Guid? workoutId = null) => Database.ScalarAsync<long>(
        "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'CyclingCoach.Contracts.WorkoutMetricsRecalculated%'"
        + (workoutId is { } id ? $" AND payload->>'workoutId' = '{id}'" : ""));

    public async Task<Guid> UploadFixtureAsync(string fitName)
    {
        var response = await Client.UploadAsync(await File.ReadAllBytesAsync(FixturePath(fitName)), fitName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("workoutId").GetGuid();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<JsonElement> GetWorkoutAsync(Guid id) => await Client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}");

    public static string FixturePath(string fitName) => Path.Combine(Fixtures.Root, "fit", fitName);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
        if (vhost is not null)
        {
            await vhost.DisposeAsync();
        }

        Directory.Delete(DataPath, recursive: true);
    }
}
