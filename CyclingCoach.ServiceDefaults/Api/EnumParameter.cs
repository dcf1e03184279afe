using System.Text.Json;

namespace CyclingCoach.ServiceDefaults.Api;

/// <summary>Query-string enums in the API's own spelling (snake_case, as ARCHITECTURE.md §5 writes them in JSON).</summary>
public static class EnumParameter
{
    public static string Spell<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Parses <paramref name="value"/> (null or empty: no filter); adds an error naming the allowed values otherwise.</summary>
    public static T? Parse<T>(string? value, string field, IDictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(value, Spell(candidate), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        errors[field] = [$"{field} must be one of {string.Join(", ", Enum.GetValues<T>().Select(Spell))}."];
        return null;
    }
}
