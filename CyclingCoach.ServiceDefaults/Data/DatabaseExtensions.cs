using CyclingCoach.ServiceDefaults.Configuration;
using CyclingCoach.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CyclingCoach.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database from <c>ConnectionStrings:{name}</c> (Aspire's key), through Aspire's
    /// Npgsql EF Core integration: a pooled DbContext with retry on transient failures (every explicit transaction
    /// in our code runs inside <c>CreateExecutionStrategy().ExecuteAsync</c>, so the retrying strategy is allowed),
    /// Npgsql tracing and metrics. Ours on top: snake_case names, the outbox interceptor, a readiness health check
    /// named after the connection, and migrations applied at start-up under a PostgreSQL advisory lock (so two
    /// replicas never migrate at once).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        // Read first so a missing setting fails at start-up with our message, not at the first query.
        var connectionString = builder.Configuration.GetRequiredConnectionString(connectionName);

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSaveChangesInterceptor>();
        builder.AddNpgsqlDbContext<TContext>(
            connectionName,
            settings =>
            {
                settings.ConnectionString = connectionString;
                // Aspire's check is the same AddDbContextCheck<TContext>, but named after the class and untagged;
                // ours keeps /health reporting "syncdb" etc., which tests, bench and the AppHost's waits read.
                settings.DisableHealthChecks = true;
            },
            options => options
                .UseSnakeCaseNamingConvention()
                // Aspire's default retries (6, up to 30 s apart) keep a request waiting about a minute while PostgreSQL
                // is down; these ride out a restart (a few seconds) and then let the request answer 503
                // (DatabaseUnavailableExceptionHandler) within about 5 s — and at once while the outage is already
                // known (FailFastRetryingExecutionStrategy).
                .UseNpgsql(npgsql => npgsql.ExecutionStrategy(dependencies =>
                    new FailFastRetryingExecutionStrategy(dependencies, maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2)))));
        builder.Services.ConfigureDbContext<TContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<OutboxSaveChangesInterceptor>()));

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: [Extensions.ReadyTag]);
        builder.Services.AddHostedService<MigrationHostedService<TContext>>();
        return builder;
    }
}
