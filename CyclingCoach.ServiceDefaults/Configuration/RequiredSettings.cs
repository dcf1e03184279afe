using Microsoft.Extensions.Configuration;

namespace CyclingCoach.ServiceDefaults.Configuration;

/// <summary>
/// DESIGN §2: a missing required setting fails start-up with one clear line naming the key (and its environment
/// variable spelling), not a stack trace.
/// </summary>
public static class RequiredSettings
{
    public const int ExitCode = 78; // EX_CONFIG

    public static string GetRequired(this IConfiguration configuration, string key)
    {
        var value = configuration[key];
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        Console.Error.WriteLine($"cyclingcoach: missing required setting '{key}' (environment variable {key.Replace(":", "__")})");
        Console.Error.Flush();
        Environment.Exit(ExitCode);
        throw new InvalidOperationException($"Missing required setting '{key}'.");
    }

    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetRequired($"ConnectionStrings:{name}");
}
