using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CyclingCoach.ServiceDefaults.Data;

/// <summary>
/// Creates the database when it is missing and applies pending migrations before the service takes traffic.
/// A session-level advisory lock keyed by the context name serialises concurrent starters.
/// </summary>
public sealed class MigrationHostedService<TContext>(IServiceProvider services, ILogger<MigrationHostedService<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    private static readonly ActivitySource Source = new(Extensions.ActivitySourceName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity($"migrate {typeof(TContext).Name}");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();

        await EnsureDatabaseExistsAsync(db, cancellationToken);

        var lockKey = LockKey(typeof(TContext).FullName!);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT pg_advisory_lock({lockKey})";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to {Context}: {Migrations}", pending.Count, typeof(TContext).Name, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }

            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT pg_advisory_unlock({lockKey})";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task EnsureDatabaseExistsAsync(TContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another replica created it first.
        }
    }

    /// <summary>FNV-1a over the context's name: stable across processes and versions (string.GetHashCode is not).</summary>
    private static long LockKey(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
