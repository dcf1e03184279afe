using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;

namespace CyclingCoach.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class HealthAndDocumentsTests(GatewayFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Health_is_200_when_every_service_is_healthy()
    {
        var (status, health) = await Eventually.WaitAsync(() => GatewayFixture.ReadHealthAsync(client), h => h.Status == 200, TimeSpan.FromSeconds(30));

        Assert.Equal(200, status);
        foreach (var service in new[] { "sync", "coaching", "routes", "masstransit-bus" })
        {
            Assert.Equal("Healthy", GatewayFixture.CheckStatus(health, service));
        }
    }

    [Fact]
    public async Task Health_is_503_naming_the_service_whose_health_fails()
    {
        fixture.Routes.Healthy = false;
        try
        {
            var (status, health) = await GatewayFixture.ReadHealthAsync(client);

            Assert.Equal(503, status);
            Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", GatewayFixture.CheckStatus(health, "routes"));
            Assert.Contains("503", health.GetProperty("checks").GetProperty("routes").GetProperty("description").GetString());
            Assert.Equal("Healthy", GatewayFixture.CheckStatus(health, "sync"));
            Assert.Equal("Healthy", GatewayFixture.CheckStatus(health, "coaching"));
        }
        finally
        {
            fixture.Routes.Healthy = true;
        }

        var recovered = await Eventually.WaitAsync(() => GatewayFixture.ReadHealthAsync(client), h => h.Status == 200, TimeSpan.FromSeconds(30));
        Assert.Equal(200, recovered.Status);
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("coaching")]
    [InlineData("routes")]
    public async Task A_service_document_is_the_service_own_openapi_document(string service)
    {
        var expected = service switch
        {
            "sync" => fixture.Sync.OpenApiDocument,
            "coaching" => fixture.Coaching.OpenApiDocument,
            _ => fixture.Routes.OpenApiDocument,
        };

        var response = await client.GetAsync($"/openapi/{service}.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_service_document_is_404_problem_details()
    {
        var response = await client.GetAsync("/openapi/nope.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:cyclingcoach:problem:not-found", problem.GetProperty("type").GetString());
        Assert.Contains("nope", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Docs_serve_the_Scalar_page_without_a_key()
    {
        var response = await client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("scalar", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CyclingCoach API", html);
    }
}
