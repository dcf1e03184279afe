namespace CyclingCoach.AppHost.Tests;

[Collection(AppHostCollection.Name)]
public sealed class WebTests(AppHostFixture fixture)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HealthzIsOk()
    {
        using var client = fixture.App.CreateHttpClient(ResourceNames.Web);
        using var cts = new CancellationTokenSource(RequestTimeout);

        using var response = await client.GetAsync("/healthz", cts.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ApiProxyWithoutASessionIsUnauthorized()
    {
        using var client = fixture.App.CreateHttpClient(ResourceNames.Web);
        using var cts = new CancellationTokenSource(RequestTimeout);

        using var response = await client.GetAsync("/api/workouts", cts.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
