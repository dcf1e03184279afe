using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace CyclingCoach.AppHost;

/// <summary>
/// The PostgreSQL and RabbitMQ passwords and the API key, kept in <c>$COACH_DIR/secrets.env</c> (KEY=VALUE lines, the
/// file <c>./coach</c> has always written) so the data under .coach/ stays usable from run to run. Created on the first
/// run; <c>Parameters:&lt;name&gt;</c> (arguments, environment) wins over the file, which is how the tests pass theirs.
/// </summary>
public sealed record Secrets(string PostgresPassword, string RabbitPassword, string ApiKey)
{
    public static Secrets LoadOrCreate(string coachDirectory, IConfiguration configuration)
    {
        var path = Path.Combine(coachDirectory, "secrets.env");
        var saved = File.Exists(path)
            ? File.ReadAllLines(path).Select(line => line.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1])
            : [];
        var secrets = new Secrets(
            saved.GetValueOrDefault("PG_PASSWORD") ?? New(),
            saved.GetValueOrDefault("RABBIT_PASSWORD") ?? New(),
            saved.GetValueOrDefault("API_KEY") ?? configuration["Auth:ApiKey"] ?? configuration["API_KEY"] ?? New());
        if (saved.Count == 0)
        {
            Directory.CreateDirectory(coachDirectory);
            File.WriteAllLines(path, [$"PG_PASSWORD={secrets.PostgresPassword}", $"RABBIT_PASSWORD={secrets.RabbitPassword}", $"API_KEY={secrets.ApiKey}"]);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return new Secrets(
            configuration["Parameters:postgres-password"] ?? secrets.PostgresPassword,
            configuration["Parameters:rabbitmq-password"] ?? secrets.RabbitPassword,
            configuration["Parameters:api-key"] ?? secrets.ApiKey);
    }

    // Letters and digits only: the values go into connection strings and an amqp:// URI as they are.
    private static string New() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
}
