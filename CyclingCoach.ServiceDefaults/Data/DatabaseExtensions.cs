using CyclingCoach.ServiceDefaults.Configuration;
using CyclingCoach.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CyclingCoach.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database from <c>ConnectionStrings:{name}</c> (Aspire's key): a pooled DbContext
    /// with retry on transient failures and snake_case names, a readiness health check, the outbox interceptor, and
    /// migrations applied at start-up under a PostgreSQL advisory lock (so two replicas never migrate at once).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(connectionName);

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxSaveChangesInterceptor>();
        builder.Services.AddDbContextPool<TContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure())
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<OutboxSaveChangesInterceptor>()));

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName, tags: [Extensions.ReadyTag]);
        builder.Services.AddHostedService<MigrationHostedService<TContext>>();
        return builder;
    }
}
