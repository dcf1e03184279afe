namespace CyclingCoach.AppHost.Tests;

[Collection(AppHostCollection.Name)]
public sealed class GatewayTests(AppHostFixture fixture)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HealthIsOkWithoutAKey()
    {
        using var client = fixture.App.CreateHttpClient(ResourceNames.Gateway);
        using var cts = new CancellationTokenSource(RequestTimeout);

        using var response = await client.GetAsync("/health", cts.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ApiWithoutAKeyIsUnauthorizedProblemDetails()
    {
        using var client = fixture.App.CreateHttpClient(ResourceNames.Gateway);
        using var cts = new CancellationTokenSource(RequestTimeout);

        using var response = await client.GetAsync("/api/workouts", cts.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ApiWithTheKeyListsWorkouts()
    {
        using var client = fixture.App.CreateHttpClient(ResourceNames.Gateway);
        using var cts = new CancellationTokenSource(RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workouts?page=1&pageSize=50");
        request.Headers.Add("X-Api-Key", AppHostFixture.ApiKey);

        using var response = await client.SendAsync(request, cts.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ApiAcceptsTheKeyAsBearerToken()
    {
        using var client = fixture.App.CreateHttpClient(ResourceNames.Gateway);
        using var cts = new CancellationTokenSource(RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/workouts");
        request.Headers.Authorization = new("Bearer", AppHostFixture.ApiKey);

        using var response = await client.SendAsync(request, cts.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
