using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.AppHost;

/// <summary>PostgreSQL from the machine's packages, run by the orchestrator like any other process.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, int port, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={port.ToString()};Username=postgres;Password={password}");
}

public static class LocalPostgres
{
    /// <summary>
    /// <c>postgres-init</c> (a one-shot initdb, a no-op once <c>$COACH_DIR/pg/data</c> exists) and then the server on
    /// 127.0.0.1 with its data there: the folder <c>./coach</c> has always used, so existing data keeps working.
    /// PostgreSQL refuses to run as root, so as root both run as the postgres user (setpriv execs). A stop is a fast
    /// shutdown (below).
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, CoachSettings settings, IResourceBuilder<ParameterResource> password, string passwordValue)
    {
        var folder = Path.Combine(settings.Directory, "pg");
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(folder);
        var root = Environment.UserName == "root";
        string[] asPostgres = root ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"] : [];
        var initdb = string.Join(' ', [.. asPostgres, $"'{settings.PostgresBin}/initdb'"]);

        var init = builder.AddExecutable($"{ResourceNames.Postgres}-init", "bash", folder, "-ec",
                $"""
                [ -f '{data}/PG_VERSION' ] && exit 0
                pw='{folder}/pw'; trap 'rm -f "$pw"' EXIT
                (umask 077; printf '%s\n' "$PG_PASSWORD" > "$pw")
                {(root ? $"chown postgres '{folder}' \"$pw\"" : "")}
                {initdb} -D '{data}' -A scram-sha-256 -U postgres --pwfile="$pw"
                """)
            .WithEnvironment("PG_PASSWORD", password)
            .ExcludeFromManifest();

        // PostgreSQL takes SIGTERM, the orchestrator's stop, as a "smart" shutdown: no new sessions, and it waits for
        // every open one to end, which the services' pooled connections never do. DCP then SIGKILLed it after its
        // grace period (crash recovery at the next start; on a loaded machine `./coach stop postgres` reported
        // "Failed to stop resource"). A stop is a fast shutdown instead (SIGINT: sessions closed, a checkpoint, exit
        // 0), pg_ctl's default and the official image's STOPSIGNAL. The shell stays in front to turn one into the
        // other; `./coach kill postgres` still kills the server itself (the process on its port).
        string[] server = ["bash", "-c", """
            "$@" & server=$!
            trap 'kill -INT $server' TERM
            wait $server; status=$?
            while kill -0 $server 2>/dev/null; do wait $server; status=$?; done
            exit $status
            """, "postgres-fast-stop", .. asPostgres, $"{settings.PostgresBin}/postgres"];
        var healthCheck = $"{ResourceNames.Postgres}-accepts-logins";
        // A real login, not a TCP probe: PostgreSQL listens before it accepts logins ("the database system is starting up").
        builder.Services.AddHealthChecks().AddNpgSql(
            $"Host=127.0.0.1;Port={settings.PostgresPort};Username=postgres;Password={passwordValue};Database=postgres;Timeout=3", name: healthCheck);
        return builder.AddResource(new LocalPostgresResource(ResourceNames.Postgres, server[0], folder, settings.PostgresPort, password.Resource))
            .WithArgs([.. server[1..], "-D", data, "-p", settings.PostgresPort.ToString(), "-k", "/tmp",
                "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"])
            .WithEndpoint("tcp", e => { e.Port = settings.PostgresPort; e.TargetPort = settings.PostgresPort; e.IsProxied = false; e.UriScheme = "tcp"; })
            .WithHealthCheck(healthCheck)
            .WaitForCompletion(init)
            .ExcludeFromManifest();
    }
}
