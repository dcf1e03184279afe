using System.Text.Json;

namespace CyclingCoach.Coaching.Tests.Ai;

/// <summary>The service's API JSON options (ServiceDefaults): what a model is told to write.</summary>
public static class ServiceJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceDefaults.Extensions.ConfigureJson(options);
        return options;
    }
}
