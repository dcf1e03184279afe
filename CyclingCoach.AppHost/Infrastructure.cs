namespace CyclingCoach.AppHost;

/// <summary>PostgreSQL (<c>postgres</c>) and RabbitMQ (<c>messaging</c>) under the names and keys of ARCHITECTURE.md §2.</summary>
public sealed record Infrastructure(
    IResourceBuilder<IResourceWithConnectionString> Postgres,
    IResourceBuilder<IResourceWithConnectionString> Messaging)
{
    /// <summary>
    /// Debian's servers as executables (the default: no container runtime needed) or, with
    /// <c>COACH_INFRASTRUCTURE=containers</c>, Aspire's PostgreSQL and RabbitMQ containers with data volumes, on the
    /// same ports either way.
    /// </summary>
    public static Infrastructure Add(IDistributedApplicationBuilder builder, CoachSettings settings, Secrets secrets)
    {
        var postgresPassword = builder.AddParameter("postgres-password", secrets.PostgresPassword, secret: true);
        var rabbitPassword = builder.AddParameter("rabbitmq-password", secrets.RabbitPassword, secret: true);
        if (!settings.Containers)
        {
            return new(
                builder.AddLocalPostgres(settings, postgresPassword, secrets.PostgresPassword),
                builder.AddLocalRabbitMq(settings, rabbitPassword, secrets.RabbitPassword));
        }

        var postgres = builder.AddPostgres(ResourceNames.Postgres, password: postgresPassword, port: settings.PostgresPort)
            .WithDataVolume();
        var rabbitUser = builder.AddParameter("rabbitmq-user", LocalRabbitMqResource.User);
        var messaging = builder.AddRabbitMQ(ResourceNames.Messaging, rabbitUser, rabbitPassword, settings.AmqpPort)
            .WithManagementPlugin(settings.ManagementPort)
            .WithDataVolume();
        return new(postgres, messaging);
    }

    /// <summary>A service's own database: the server's connection string plus <c>Database=&lt;name&gt;</c>. The service
    /// creates and migrates it itself (under an advisory lock), as it does under compose.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Database(IDistributedApplicationBuilder builder, string name) =>
        builder.AddConnectionString(name, ReferenceExpression.Create($"{Postgres.Resource.ConnectionStringExpression};Database={name}"));
}
