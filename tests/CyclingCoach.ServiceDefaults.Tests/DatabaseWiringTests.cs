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
using Npgsql.EntityFrameworkCore.PostgreSQL;

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

        Assert.IsType<NpgsqlRetryingExecutionStrategy>(strategy);
        Assert.True(strategy.RetriesOnFailure);
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
