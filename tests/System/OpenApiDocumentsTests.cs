using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CyclingCoach.SystemTests;

/// <summary>
/// The web app's types are generated from frontend/openapi/*.json (a web unit test checks the types against those
/// files); this checks those files against the documents the running services serve, so an API change that was not
/// carried into the web app fails here. Refresh with frontend/scripts/fetch-openapi.sh.
/// </summary>
[Collection(Stack.Collection)]
public sealed class OpenApiDocumentsTests
{
    [Theory]
    [InlineData("sync")]
    [InlineData("coaching")]
    [InlineData("routes")]
    public async Task The_web_apps_copy_of_each_openapi_document_is_the_one_the_service_serves(string service)
    {
        using var client = Stack.Client();
        var served = (await client.GetFromJsonAsync<JsonObject>($"/openapi/{service}.json"))!;
        served.Remove("servers"); // names the port it was fetched from; the committed copy drops it too
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Stack.CoachRoot, "frontend", "openapi", $"{service}.json")))!;

        Assert.True(JsonNode.DeepEquals(served, committed),
            $"frontend/openapi/{service}.json differs from what {service} serves: run frontend/scripts/fetch-openapi.sh {service}");
    }
}
