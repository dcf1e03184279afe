using CyclingCoach.Sync.Model;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CyclingCoach.Sync.Apis;

/// <summary>
/// A workout's <c>metrics</c> are the stored <see cref="WorkoutMetricsData"/> served as they are, every property always
/// written (null included). Built from a RideMetrics rather than a constructor listing each field, the record no longer
/// tells the document generator so: this marks every property required, as the web app's types need.
/// </summary>
public sealed class WorkoutMetricsSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(WorkoutMetricsData) && schema.Properties is { Count: > 0 } properties)
        {
            schema.Required = new HashSet<string>(properties.Keys);
        }

        return Task.CompletedTask;
    }
}
