using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CyclingCoach.SystemTests;

[Collection(Stack.Collection)]
public sealed class HealthAndAuthTests
{
    [Fact]
    public async Task Every_service_is_healthy_directly_and_through_the_gateway()
    {
        using var client = Stack.Client();
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var service in new[] { "sync", "coaching", "routes", "masstransit-bus" })
        {
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty(service).GetProperty("status").GetString());
        }

        foreach (var service in new[] { "sync", "coaching", "routes" })
        {
            using var direct = new HttpClient();
            var body = await direct.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{Stack.PortOf(service)}/health");
            Assert.Equal("Healthy", body.GetProperty("status").GetString());
            Assert.True(body.GetProperty("checks").EnumerateObject().Count() >= 3, body.ToString());
        }
    }

    [Fact]
    public async Task Every_api_route_in_the_openapi_documents_refuses_a_missing_or_wrong_key()
    {
        using var anonymous = Stack.Client();
        using var wrongKey = Stack.Client("not-the-key");
        var routes = new List<(HttpMethod Method, string Path)> { (HttpMethod.Get, "/api/events") };
        foreach (var service in new[] { "sync", "coaching", "routes" })
        {
            var document = await anonymous.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject())
                {
                    var concrete = Regex.Replace(path.Name, "{[^}]+}", Guid.NewGuid().ToString());
                    routes.Add((new HttpMethod(operation.Name.ToUpperInvariant()), concrete));
                }
            }
        }

        Assert.True(routes.Count(r => r.Path.StartsWith("/api/")) >= 7, string.Join(", ", routes));
        // The iCal feed is the one path whose credential is in the URL (calendar apps send no headers); a made-up
        // secret finds nothing there.
        var feed = routes.Single(r => r.Path.StartsWith("/api/coach/calendar/"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(feed.Path)).StatusCode);
        foreach (var (method, path) in routes.Where(r => r.Path.StartsWith("/api/") && r != feed))
        {
            foreach (var client in new[] { anonymous, wrongKey })
            {
                using var request = new HttpRequestMessage(method, path);
                if (method != HttpMethod.Get)
                {
                    request.Content = JsonContent.Create(new { });
                }

                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal("urn:cyclingcoach:problem:unauthorized", problem.GetProperty("type").GetString());
            }
        }
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_is_a_problem_naming_the_field_and_stores_nothing()
    {
        using var client = Stack.Client(Stack.ApiKey);
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/workouts?pageSize=1")).GetProperty("total").GetInt32();

        using var response = await client.PostAsync("/api/workouts/manual", new StringContent(
            """{"name":"Bad","startTime":"2026-01-01T08:00:00Z","durationSeconds":"long","distanceMeters":1}""",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("durationSeconds", out _), problem.ToString());
        Assert.Equal(32, problem.GetProperty("traceId").GetString()!.Length);
        var after = (await client.GetFromJsonAsync<JsonElement>("/api/workouts?pageSize=1")).GetProperty("total").GetInt32();
        Assert.Equal(before, after);
    }
}
