using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace CyclingCoach.AppHost;

/// <summary>
/// The stack's secrets, kept in <c>$COACH_DIR/secrets.env</c> (KEY=VALUE lines, the file <c>./coach</c> has always
/// written, mode 0600) so the data under .coach/ stays usable from run to run: the PostgreSQL and RabbitMQ passwords,
/// the rider's API key, the credential only the gateway sends to the services, the web app's own credential towards
/// the gateway, the key that encrypts Sync's Data Protection key ring, and the dashboard's key. Each is created the
/// first time it is missing; <c>Parameters:&lt;name&gt;</c> (arguments, environment) wins over the file, which is how
/// the tests pass theirs.
/// </summary>
public sealed record Secrets(
    string PostgresPassword,
    string RabbitPassword,
    string ApiKey,
    string ServiceKey,
    string WebProxyKey,
    string KeyEncryptionKey,
    string DashboardKey)
{
    public static Secrets LoadOrCreate(string coachDirectory, IConfiguration configuration)
    {
        var path = Path.Combine(coachDirectory, "secrets.env");
        var saved = File.Exists(path)
            ? File.ReadAllLines(path).Select(line => line.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1])
            : [];
        var changed = false;
        string Saved(string name, Func<string> create)
        {
            if (!saved.TryGetValue(name, out var value))
            {
                saved[name] = value = create();
                changed = true;
            }

            return value;
        }

        string Value(string parameter, string name, Func<string>? create = null)
        {
            var stored = Saved(name, create ?? New);
            return configuration[$"Parameters:{parameter}"] ?? stored;
        }

        var secrets = new Secrets(
            Value("postgres-password", "PG_PASSWORD"),
            Value("rabbitmq-password", "RABBIT_PASSWORD"),
            Value("api-key", "API_KEY", () => configuration["Auth:ApiKey"] ?? configuration["API_KEY"] ?? New()),
            Value("service-key", "SERVICE_KEY"),
            Value("web-proxy-key", "WEB_PROXY_KEY"),
            Value("key-encryption-key", "KEY_ENCRYPTION_KEY"),
            Value("dashboard-key", "DASHBOARD_API_KEY"));
        if (changed)
        {
            Directory.CreateDirectory(coachDirectory);
            File.WriteAllLines(path, saved.Select(kv => $"{kv.Key}={kv.Value}"));
        }

        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secrets;
    }

    // Letters and digits only: the values go into connection strings and an amqp:// URI as they are.
    private static string New() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
}
