using System.Text.Json;

namespace CyclingCoach.Coaching.Domain.Rules;

/// <summary>One rule that differs between two versions; a null side means the rule is not set there.</summary>
/// <param name="Field">The camelCase field name, as in the rule set's JSON.</param>
public sealed record RuleChange(string Field, JsonElement? Before, JsonElement? After);

/// <summary>Field-by-field comparison of two rule sets, as a JSON shape shows them (the API's: camelCase, enums snake_case).</summary>
public static class RuleSetDiff
{
    /// <summary>
    /// The fields whose values differ, in the rule set's field order. Every list in a rule set is a set (days, day
    /// caps, blackout ranges), so lists that hold the same items in another order or repeated are equal.
    /// </summary>
    /// <param name="json">The JSON shape the field names and values are written in.</param>
    public static IReadOnlyList<RuleChange> Compare(RuleSet before, RuleSet after, JsonSerializerOptions json)
    {
        var a = JsonSerializer.SerializeToElement(before, json);
        var b = JsonSerializer.SerializeToElement(after, json);
        return a.EnumerateObject()
            .Select(field => (field.Name, Before: field.Value, After: b.GetProperty(field.Name)))
            .Where(field => Canonical(field.Before) != Canonical(field.After))
            .Select(field => new RuleChange(field.Name, Value(field.Before), Value(field.After)))
            .ToList();
    }

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical).Distinct().Order(StringComparer.Ordinal)) + "]",
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"\"{p.Name}\":{Canonical(p.Value)}")) + "}",
        _ => element.GetRawText(),
    };

    private static JsonElement? Value(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.Clone();
}
