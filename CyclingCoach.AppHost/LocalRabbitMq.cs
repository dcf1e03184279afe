using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace CyclingCoach.AppHost;

/// <summary>RabbitMQ from the machine's packages, run by the orchestrator like any other process.</summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory, int port, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string User = "coach";

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://{User}:{password:uri}@127.0.0.1:{port.ToString()}");
}

public static class LocalRabbitMq
{
    /// <summary>
    /// The broker on 127.0.0.1 (AMQP, management and Erlang distribution) with its data in <c>$COACH_DIR/rabbitmq</c>,
    /// booting from a plugins folder there that holds only what it runs (<see cref="RabbitPlugins"/>).
    /// The server script under /usr/lib/rabbitmq/bin runs in the foreground (the /usr/sbin wrapper does not), logging
    /// to the console. Erlang's port mapper (epmd) is a resource of its own, <c>messaging-epmd</c>, on this stack's
    /// port (<see cref="EpmdPort"/>) and loopback only; left to itself the broker would start a daemon on every
    /// interface on 4369 that outlives the stack. Every listening socket of the stack is on loopback (a system test
    /// checks it).
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, CoachSettings settings, IResourceBuilder<ParameterResource> password, string passwordValue)
    {
        var folder = Path.Combine(settings.Directory, "rabbitmq");
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "rabbitmq.conf");
        File.WriteAllText(config, $"""
            listeners.tcp.1 = 127.0.0.1:{settings.AmqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {settings.ManagementPort}
            default_user = {LocalRabbitMqResource.User}
            default_pass = {passwordValue}
            loopback_users = none

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var plugins = Path.Combine(folder, "enabled_plugins");
        File.WriteAllText(plugins, "[rabbitmq_management].\n");
        var pluginsFolder = RabbitPlugins.Prepare(folder, ["rabbitmq_management"]);

        // A real AMQP login, not a TCP probe: the broker accepts TCP well before it accepts clients.
        var healthCheck = $"{ResourceNames.Messaging}-accepts-connections";
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1", Port = settings.AmqpPort, UserName = LocalRabbitMqResource.User, Password = passwordValue,
        };
        IConnection? connection = null; // one connection for every check (the client recovers it after a broker restart)
        builder.Services.AddHealthChecks().AddRabbitMQ(async _ => connection ??= await factory.CreateConnectionAsync(), name: healthCheck);

        var epmdPort = EpmdPort(settings);
        var epmdListening = $"{ResourceNames.Messaging}-epmd-listens";
        builder.Services.AddHealthChecks().AddAsyncCheck(epmdListening, async cancellationToken =>
        {
            using var client = new System.Net.Sockets.TcpClient();
            try
            {
                await client.ConnectAsync(System.Net.IPAddress.Loopback, epmdPort, cancellationToken);
                return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy();
            }
            catch (System.Net.Sockets.SocketException e)
            {
                return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy(e.Message);
            }
        });
        var epmd = builder.AddExecutable($"{ResourceNames.Messaging}-epmd", "epmd", folder, "-address", "127.0.0.1", "-port", epmdPort.ToString())
            .WithHealthCheck(epmdListening)
            .ExcludeFromManifest();

        return builder.AddResource(new LocalRabbitMqResource(ResourceNames.Messaging, "/usr/lib/rabbitmq/bin/rabbitmq-server", folder, settings.AmqpPort, password.Resource))
            .WithEnvironment("HOME", folder)
            .WithEnvironment("LANG", "C.UTF-8")
            .WithEnvironment("RABBITMQ_NODENAME", $"{settings.RabbitNode}@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", settings.AmqpPort.ToString())
            .WithEnvironment("RABBITMQ_DIST_PORT", (settings.AmqpPort + 20000).ToString())
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}")
            // -start_epmd false for every Erlang VM of the broker: it uses the stack's own epmd (messaging-epmd) and
            // never starts one. Erlang starts a daemon epmd when it finds none on ERL_EPMD_PORT, and the broker does so
            // on purpose too: when its epmd monitor finds the port mapper gone (the orchestrator stops messaging-epmd
            // beside it at a down) it runs `erl -sname epmd-starter-…` to bring one back. That daemon outlived the stack
            // and the next `./coach up` failed with "messaging-epmd Finished (exit code 0)" (its port taken; a daemon
            // with the broker's environment was found there). ERL_AFLAGS reaches that child VM as well as the server.
            .WithEnvironment("ERL_AFLAGS", "-start_epmd false")
            .WithEnvironment("ERL_EPMD_PORT", epmdPort.ToString())
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_CONFIG_FILE", config)
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", plugins)
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(folder, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(folder, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment(context =>
            {
                if (pluginsFolder is not null)
                {
                    context.EnvironmentVariables["RABBITMQ_PLUGINS_DIR"] = pluginsFolder;
                }
            })
            .WithEndpoint("tcp", e => { e.Port = settings.AmqpPort; e.TargetPort = settings.AmqpPort; e.IsProxied = false; e.UriScheme = "amqp"; })
            .WithEndpoint("management", e => { e.Port = settings.ManagementPort; e.TargetPort = settings.ManagementPort; e.IsProxied = false; e.UriScheme = "http"; })
            .WithHealthCheck(healthCheck)
            .WaitFor(epmd)
            .ExcludeFromManifest();
    }

    /// <summary>This stack's epmd port: AMQP + 21000, clear of every stack's distribution port (AMQP + 20000).
    /// <c>rabbitmqctl</c> against this broker needs <c>ERL_EPMD_PORT</c> set to it.</summary>
    public static int EpmdPort(CoachSettings settings) => settings.AmqpPort + 21000;
}
