using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace CyclingCoach.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class UnreachableServiceTests(GatewayFixture fixture)
{
    private static string ClosedPortAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal(32, problem.GetProperty("traceId").GetString()!.Length);
    }

    [Fact]
    public async Task A_service_that_is_down_is_a_502_problem_a_503_health_and_a_502_document()
    {
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string?> { ["services:routes:http:0"] = ClosedPortAddress() });
        using var client = gateway.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/routes");
        request.Headers.Add("X-Api-Key", fixture.ApiKey);
        await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.BadGateway, "urn:cyclingcoach:problem:unavailable");

        var (status, health) = await GatewayFixture.ReadHealthAsync(client);
        Assert.Equal(503, status);
        Assert.Equal("Unhealthy", GatewayFixture.CheckStatus(health, "routes"));
        Assert.Equal("Healthy", GatewayFixture.CheckStatus(health, "sync"));

        await AssertProblemAsync(await client.GetAsync("/openapi/routes.json"), HttpStatusCode.BadGateway, "urn:cyclingcoach:problem:unavailable");
    }

    [Fact]
    public async Task An_api_path_no_service_owns_is_a_404_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/nothing-here");
        request.Headers.Add("X-Api-Key", fixture.ApiKey);
        await AssertProblemAsync(await fixture.Client.SendAsync(request), HttpStatusCode.NotFound, "urn:cyclingcoach:problem:not-found");
    }
}
