using CyclingCoach.ServiceDefaults.Data;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.ServiceDefaults.Tests.Probe;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using System.Net.Sockets;
using CyclingCoach.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CyclingCoach.ServiceDefaults.Tests;

/// <summary>
/// What AddServiceDatabase must keep now that Aspire's integration registers the DbContext. Nothing here connects:
/// the host is built, never started.
/// </summary>
public sealed class DatabaseWiringTests : IDisposable
{
    private readonly IHost host;

    public DatabaseWiringTests()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:probedb"] = "Host=127.0.0.1;Port=1;Database=probedb",
        });
        builder.AddServiceDatabase<ProbeDbContext>("probedb");
        host = builder.Build();
    }

    [Fact]
    public void Commands_are_retried_on_transient_failures()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();

        var strategy = db.Database.CreateExecutionStrategy();

        Assert.IsType<FailFastRetryingExecutionStrategy>(strategy);
        Assert.True(strategy.RetriesOnFailure);
    }

    [Fact]
    public async Task Once_the_database_refused_a_connection_another_refusal_is_not_retried_but_a_broken_connection_is()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        var dependencies = db.GetService<ExecutionStrategyDependencies>();
        // The wiring's strategy with short delays and a window no test machine's stall reaches.
        FailFastRetryingExecutionStrategy Strategy() => new(dependencies, maxRetryCount: 4, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5));
        var refused = () => new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        var broken = () => new NpgsqlException("Exception while reading from stream", new IOException("connection reset"));

        // As in a request (MapDefaultEndpoints marks each one); background work always retries.
        FailFastRetryingExecutionStrategy.FailFastInThisFlow();

        // The first operation to meet the outage rides it out.
        var first = 0;
        Assert.Equal(3, await Strategy().ExecuteAsync(async ct => ++first < 3 ? throw refused() : first, CancellationToken.None));

        // The next one is refused once and gives up: its request answers 503 at once.
        var second = 0;
        var error = await Assert.ThrowsAsync<NpgsqlException>(() => Strategy().ExecuteAsync<int>(async ct => { second++; throw refused(); }, CancellationToken.None));
        Assert.Equal(1, second);
        Assert.True(DatabaseUnavailableExceptionHandler.IsUnreachable(error));

        // A pooled connection broken by the restart is still retried: a new one is the cure.
        var third = 0;
        Assert.Equal(2, await Strategy().ExecuteAsync(async ct => ++third < 2 ? throw broken() : third, CancellationToken.None));

        // Outside a request (a consumer, the outbox relay) a refusal is retried whatever happened before.
        var attempts = 0;
        Task<int> background;
        using (ExecutionContext.SuppressFlow())
        {
            background = Task.Run(() => Strategy().ExecuteAsync(async ct => ++attempts < 2 ? throw refused() : attempts, CancellationToken.None));
        }

        Assert.Equal(2, await background);
    }

    [Fact]
    public void Names_stay_snake_case()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();

        var receipt = db.Model.FindEntityType(typeof(Receipt))!;

        Assert.Equal("note_id", receipt.FindProperty(nameof(Receipt.NoteId))!.GetColumnName());
        Assert.Equal("outbox_messages", db.Model.FindEntityType(typeof(OutboxMessage))!.GetTableName());
    }

    [Fact]
    public void The_outbox_interceptor_is_on_the_context()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();

        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors ?? [];

        Assert.Contains(host.Services.GetRequiredService<OutboxSaveChangesInterceptor>(), interceptors);
    }

    [Fact]
    public void Contexts_are_pooled()
    {
        ProbeDbContext first;
        using (var scope = host.Services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        }

        using var next = host.Services.CreateScope();
        Assert.Same(first, next.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }

    [Fact]
    public void One_database_health_check_named_after_the_connection()
    {
        var registrations = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        var database = Assert.Single(registrations, r => r.Name.Contains("probe", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("probedb", database.Name);
        Assert.Contains(Extensions.ReadyTag, database.Tags);
    }

    public void Dispose() => host.Dispose();
}
