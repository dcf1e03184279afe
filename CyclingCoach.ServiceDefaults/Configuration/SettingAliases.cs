using Microsoft.Extensions.Configuration;

namespace CyclingCoach.ServiceDefaults.Configuration;

/// <summary>
/// The seed's .env names (API_KEY, GARMIN_USERNAME, …) are accepted as aliases of ARCHITECTURE.md §2's sections. An alias
/// fills a setting only when the canonical key is not set.
/// </summary>
public static class SettingAliases
{
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>
    {
        ["API_KEY"] = "Auth:ApiKey",
        ["GARMIN_USERNAME"] = "Garmin:Username",
        ["GARMIN_PASSWORD"] = "Garmin:Password",
        ["OPENROUTER_API_KEY"] = "OpenRouter:ApiKey",
        ["AI_MODEL"] = "OpenRouter:Model",
    };

    public static IConfigurationManager AddSettingAliases(this IConfigurationManager configuration)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (alias, key) in Map)
        {
            if (string.IsNullOrEmpty(configuration[key]) && !string.IsNullOrEmpty(configuration[alias]))
            {
                values[key] = configuration[alias];
            }
        }

        if (values.Count > 0)
        {
            configuration.AddInMemoryCollection(values);
        }

        return configuration;
    }
}
