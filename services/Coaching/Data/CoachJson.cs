using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyclingCoach.Coaching.Data;

/// <summary>The API's JSON shape (ARCHITECTURE.md §5), also used for jsonb columns and LLM payloads so all three agree.</summary>
public static class CoachJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        CyclingCoach.ServiceDefaults.Extensions.ConfigureJson(options);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"null {typeof(T).Name}");

    /// <summary>Stores the property as jsonb in the API's shape; compared by its JSON so a changed copy is saved.</summary>
    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property) => property
        .HasColumnType("jsonb")
        .HasConversion(
            value => Serialize(value),
            json => Deserialize<T>(json),
            new ValueComparer<T>(
                (a, b) => Serialize(a) == Serialize(b),
                value => Serialize(value).GetHashCode(),
                value => Deserialize<T>(Serialize(value))));
}
