using System.Text.Json;

namespace CyclingCoach.Coaching.Ai;

/// <summary>
/// Checks a JSON value against the schema subset our generated schemas use (type, enum, properties, required,
/// items, minItems, maxItems) and lists every error with its path, so one repair request can name them all.
/// </summary>
public static class JsonSchemaCheck
{
    private const int MaxErrors = 50;

    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        Walk(schema, value, "$", errors);
        return errors;
    }

    private static void Walk(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind != JsonValueKind.Object || errors.Count >= MaxErrors)
        {
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            errors.Add($"{path}: expected {DescribeType(type)}, got {KindOf(value)}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            var names = string.Join(", ", allowed.EnumerateArray().Where(a => a.ValueKind != JsonValueKind.Null).Select(a => a.GetRawText()));
            errors.Add($"{path}: {value.GetRawText()} is not one of {names}");
            return;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        errors.Add($"{path}.{name}: required property is missing");
                    }
                }
            }

            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    if (value.TryGetProperty(property.Name, out var child))
                    {
                        Walk(property.Value, child, $"{path}.{property.Name}", errors);
                    }
                }
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            // The generated schema has no length bounds unless the type declares them ([MinLength], [MaxLength]): an
            // empty list otherwise validates ({"weeks": []} is a "plan").
            var count = value.GetArrayLength();
            if (schema.TryGetProperty("minItems", out var min) && count < min.GetInt32())
            {
                errors.Add($"{path}: has {count} items, at least {min.GetInt32()} needed");
            }

            if (schema.TryGetProperty("maxItems", out var max) && count > max.GetInt32())
            {
                errors.Add($"{path}: has {count} items, at most {max.GetInt32()} allowed");
            }

            if (schema.TryGetProperty("items", out var items))
            {
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Walk(items, item, $"{path}[{i++}]", errors);
                }
            }
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => Matches(t.GetString(), value))
        : Matches(type.GetString(), value);

    private static bool Matches(string? type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && d == decimal.Truncate(d),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string DescribeType(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString()))
        : type.GetString() ?? "?";

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}
