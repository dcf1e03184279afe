using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CyclingCoach.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class FailedAuthLimitTests(GatewayFixture fixture)
{
    private static HttpRequestMessage Request(string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/workouts");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    [Fact]
    public async Task After_the_limit_of_wrong_keys_even_the_right_key_is_429_and_missing_keys_do_not_count()
    {
        // Its own gateway process: the limiter counts per client address, and every test client shares one.
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string?> { ["Auth:MaxFailedAttempts"] = "3" });
        using var client = gateway.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            using var noKey = Request(null);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(noKey)).StatusCode);
        }

        using (var right = Request(fixture.ApiKey))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            using var wrong = Request("wrong-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        }

        using var blocked = Request(fixture.ApiKey);
        var response = await client.SendAsync(blocked);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 300);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:cyclingcoach:problem:too-many-attempts", problem.GetProperty("type").GetString());

        // Endpoints outside /api (health, docs) are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task Below_the_limit_the_right_key_still_works()
    {
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string?> { ["Auth:MaxFailedAttempts"] = "3" });
        using var client = gateway.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var wrong = Request("wrong-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        }

        using var right = Request(fixture.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);
    }
}
