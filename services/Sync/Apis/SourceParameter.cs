using System.Text.Json;
using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Apis;

/// <summary>A <c>?source=</c> query value as the API writes it (<c>intervals_icu</c>); the C# name is accepted too.</summary>
public static class SourceParameter
{
    public static bool TryParse(string? value, out WorkoutSource? source)
    {
        source = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<WorkoutSource>())
        {
            if (string.Equals(value, JsonNamingPolicy.SnakeCaseLower.ConvertName(candidate.ToString()), StringComparison.OrdinalIgnoreCase)
                || string.Equals(value, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                source = candidate;
                return true;
            }
        }

        return false;
    }

    public static string[] Error => [$"source must be one of {string.Join(", ", Enum.GetValues<WorkoutSource>().Select(s => JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString())))}."];
}
