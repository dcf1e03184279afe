using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;

namespace CyclingCoach.Routes.Tests;

[Collection(RoutesCollection.Name)]
public sealed class RoutesApiTests(RoutesFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task An_empty_library_lists_in_the_paged_shape()
    {
        var response = await client.GetAsync("/api/routes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["items", "page", "pageSize", "total"],
            page.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(50, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(0, page.GetProperty("total").GetInt32());

        var second = await client.GetFromJsonAsync<JsonElement>("/api/routes?page=3&pageSize=10");
        Assert.Equal(3, second.GetProperty("page").GetInt32());
        Assert.Equal(10, second.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Unknown_route_is_404_problem_details()
    {
        var response = await client.GetAsync($"/api/routes/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:cyclingcoach:problem:not-found", problem.GetProperty("type").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(32, problem.GetProperty("traceId").GetString()!.Length);
    }

    [Theory]
    [InlineData("/api/routes?pageSize=0", "pageSize")]
    [InlineData("/api/routes?pageSize=201", "pageSize")]
    [InlineData("/api/routes?page=0", "page")]
    public async Task Out_of_range_paging_is_a_400_problem_naming_the_parameter(string url, string field)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
    }

    [Fact]
    public async Task Health_reports_database_storage_and_bus_healthy()
    {
        var (status, health) = await Eventually.WaitAsync(
            () => RoutesFixture.ReadHealthAsync(client),
            h => h.Status == 200,
            TimeSpan.FromSeconds(30));

        Assert.Equal(200, status);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", RoutesFixture.CheckStatus(health, "routesdb"));
        Assert.Equal("Healthy", RoutesFixture.CheckStatus(health, "storage"));
        Assert.Equal("Healthy", RoutesFixture.CheckStatus(health, "gpx-volume"));
        Assert.Equal("Healthy", RoutesFixture.CheckStatus(health, "masstransit-bus"));
        Assert.Empty(Directory.GetFiles(fixture.DataPath, ".health-*"));
        Assert.Empty(Directory.GetFiles(Path.Combine(fixture.DataPath, "gpx"), ".health-*"));
    }

    [Fact]
    public async Task Health_is_503_with_storage_unhealthy_when_the_data_folder_cannot_be_created()
    {
        var file = Path.GetTempFileName();
        try
        {
            await using var factory = fixture.CreateFactory(Path.Combine(file, "routes"));
            using var broken = factory.CreateClient();

            // Wait until everything else is up, so the 503 is the storage check's alone.
            var (status, health) = await Eventually.WaitAsync(
                () => RoutesFixture.ReadHealthAsync(broken),
                h => RoutesFixture.CheckStatus(h.Body, "routesdb") == "Healthy" && RoutesFixture.CheckStatus(h.Body, "masstransit-bus") == "Healthy",
                TimeSpan.FromSeconds(30));

            Assert.Equal(503, status);
            Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", RoutesFixture.CheckStatus(health, "storage"));
            Assert.Equal("Unhealthy", RoutesFixture.CheckStatus(health, "gpx-volume"));
            Assert.Equal("Healthy", RoutesFixture.CheckStatus(health, "routesdb"));
            Assert.Equal("Healthy", RoutesFixture.CheckStatus(health, "masstransit-bus"));
            Assert.Equal(HttpStatusCode.OK, (await broken.GetAsync("/alive")).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
