using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Sync.Tests.Support;
using CyclingCoach.Testing;

namespace CyclingCoach.Sync.Tests.Pipeline;

/// <summary>
/// PostgreSQL goes away under a running Sync service (a server of the test's own, stopped as an administrator stops
/// it): reads and writes answer 503 ProblemDetails with Retry-After, nothing is half-written, and once the server is
/// back the same service instance answers again without a restart.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task While_the_database_is_down_requests_answer_503_and_the_service_recovers_by_itself()
    {
        await using var postgres = await OwnPostgres.StartAsync();
        await using var vhost = await TestVirtualHost.CreateAsync("syncoutage");
        var data = Directory.CreateTempSubdirectory("sync-outage-").FullName;
        await using var service = new ServiceFactory<Program>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:syncdb"] = postgres.ConnectionString("syncoutage"),
            ["ConnectionStrings:messaging"] = vhost.ConnectionString,
            ["Storage:DataPath"] = data,
        });
        var client = service.CreateClient();
        var ride = FitWriter.Ride(new DateTime(2021, 3, 1, 8, 0, 0, DateTimeKind.Utc), 900, basePower: 200, seed: 61);
        await Eventually.WaitAsync(() => client.GetAsync("/api/workouts"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60));

        await postgres.StopAsync();

        await AssertUnavailableAsync(await client.GetAsync("/api/workouts"));
        await AssertUnavailableAsync(await client.UploadAsync(ride, "during-outage.fit"));

        await postgres.StartAgainAsync();

        var list = await Eventually.WaitAsync(() => client.GetAsync("/api/workouts"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(0, (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        // The upload refused during the outage left nothing behind: the same file is new now.
        Assert.Equal(HttpStatusCode.Created, (await client.UploadAsync(ride, "after-outage.fit")).StatusCode);
        Directory.Delete(data, recursive: true);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:cyclingcoach:problem:unavailable", JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
