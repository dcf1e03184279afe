using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;

namespace CyclingCoach.Coaching.Ai;

/// <summary>
/// The JSON the model reads and writes: the service's shape (camelCase, snake_case enums), minus computed read-only
/// properties (<c>TrainingPlan.Days</c>, <c>PlanDay.IsRest</c>, …) that the model must not be asked to write, and
/// strict about nulls, required constructor parameters and numbers-as-strings.
/// </summary>
public static class AiJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly ConcurrentDictionary<Type, (JsonElement Wire, JsonElement Check)> Schemas = new();

    /// <summary>The strict schema sent to the model (every property required, no additional properties).</summary>
    public static JsonElement WireSchema(Type type) => SchemasOf(type).Wire;

    /// <summary>The schema answers are checked against: only what deserialization really needs is required.</summary>
    public static JsonElement CheckSchema(Type type) => SchemasOf(type).Check;

    private static (JsonElement Wire, JsonElement Check) SchemasOf(Type type) => Schemas.GetOrAdd(type, static t => (
        AIJsonUtilities.CreateJsonSchema(t, serializerOptions: Options, inferenceOptions: new()
        {
            // OpenAI's strict subset has no "default": it becomes part of the description.
            TransformOptions = new() { DisallowAdditionalProperties = true, RequireAllProperties = true, MoveDefaultKeywordToDescription = true },
        }),
        AIJsonUtilities.CreateJsonSchema(t, serializerOptions: Options)));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            // Prompt text, not HTML: keep the rider's "ö" and "<" readable for the model.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropComputedProperties } },
        };
        ServiceDefaults.Extensions.ConfigureJson(options);
        options.MakeReadOnly();
        return options;
    }

    private static void DropComputedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
