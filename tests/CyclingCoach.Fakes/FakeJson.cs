using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CyclingCoach.Fakes;

/// <summary>A request body as JSON the way the fakes' write endpoints read it: null when it is not JSON (they answer their service's validation error).</summary>
public static class FakeJson
{
    public static async Task<JsonNode?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
