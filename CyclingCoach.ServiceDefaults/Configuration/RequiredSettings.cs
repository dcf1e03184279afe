using Microsoft.Extensions.Configuration;

namespace CyclingCoach.ServiceDefaults.Configuration;

/// <summary>
/// ARCHITECTURE.md §2: a missing required setting fails start-up with one clear line naming the key (and its environment
/// variable spelling), not a stack trace; so does a secret left at the example's placeholder or too short.
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

        return Stop($"missing required setting '{key}' (environment variable {key.Replace(":", "__")})");
    }

    /// <summary>
    /// A required secret (a key, a password) that is also not the example's placeholder (<c>change-me…</c>) and at
    /// least <see cref="MinimumSecretLength"/> characters: a deployment started with a known or guessable key stops.
    /// </summary>
    public static string GetRequiredSecret(this IConfiguration configuration, string key)
    {
        var value = configuration.GetRequired(key);
        return IsWeakSecret(value)
            ? Stop($"the setting '{key}' (environment variable {key.Replace(":", "__")}) is an example value or shorter than "
                + $"{MinimumSecretLength} characters; use a long random one, e.g. `openssl rand -hex 24`")
            : value;
    }

    public const int MinimumSecretLength = 16;

    /// <summary>Shorter than <see cref="MinimumSecretLength"/>, or the example files' <c>change-me…</c> placeholder.</summary>
    public static bool IsWeakSecret(string value) =>
        value.Trim().Length < MinimumSecretLength
        || value.Trim().Replace("-", "").Replace("_", "").StartsWith("changeme", StringComparison.OrdinalIgnoreCase);

    private static string Stop(string message)
    {
        Console.Error.WriteLine($"cyclingcoach: {message}");
        Console.Error.Flush();
        Environment.Exit(ExitCode);
        throw new InvalidOperationException(message);
    }

    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetRequired($"ConnectionStrings:{name}");
}
