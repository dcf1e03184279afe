using System.Net;
using System.Text.Json.Nodes;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Security;
using ModelContextProtocol;

namespace CyclingCoach.Coaching.Mcp;

/// <summary>
/// Routes' own API, asked directly (service discovery resolves <c>http://routes</c>; the service key is the one the
/// gateway sends): Coaching owns no routes, and one more copy of them here would be one more thing to keep in sync.
/// </summary>
public sealed class RoutesClient(HttpClient http)
{
    public const string BaseAddress = "http://" + ResourceNames.Routes;

    public static void Configure(HttpClient client, string serviceKey)
    {
        client.BaseAddress = new Uri(BaseAddress);
        client.DefaultRequestHeaders.Add(GatewayOnlyAccess.HeaderName, serviceKey);
    }

    /// <summary>The routes' summaries (<c>GET /api/routes</c>), newest first.</summary>
    public async Task<JsonNode> ListAsync(CancellationToken cancellationToken) =>
        (await GetAsync("/api/routes?pageSize=200", cancellationToken))!["items"]!;

    /// <summary>One route (<c>GET /api/routes/{id}</c>) without its track and elevation samples: an assistant reads the
    /// summary and the sections; the map's thousands of points would only fill its context.</summary>
    public async Task<JsonNode> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var route = (await GetAsync($"/api/routes/{id}", cancellationToken)).AsObject();
        route.Remove("track");
        route.Remove("profile");
        return route;
    }

    private async Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(path, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new McpException($"The routes service cannot be reached ({e.Message}).");
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new McpException("No such route.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new McpException($"The routes service answered {(int)response.StatusCode}.");
            }

            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        }
    }
}
