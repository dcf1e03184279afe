using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CyclingCoach.Gateway.Tests;

/// <summary>
/// A real Kestrel server standing in for one service behind the gateway: it echoes what it received (method, path,
/// query, headers, how many body bytes) as JSON, serves <c>/health</c> (switchable to 503) and an OpenAPI document naming itself.
/// </summary>
public sealed class FakeDownstream : IAsyncDisposable
{
    private readonly WebApplication app;
    private volatile bool healthy = true;

    private FakeDownstream(string name, WebApplication app)
    {
        Name = name;
        this.app = app;
    }

    public string Name { get; }

    /// <summary>The bound address (<c>http://127.0.0.1:port</c>), read after start.</summary>
    public string Address => app.Urls.Single();

    public string OpenApiDocument => $$$"""{"openapi":"3.1.1","info":{"title":"fake {{{Name}}}","version":"v1"},"paths":{}}""";

    public bool Healthy
    {
        get => healthy;
        set => healthy = value;
    }

    public static async Task<FakeDownstream> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null); // the services set their own
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDownstream(name, app);

        app.MapGet("/health", () => fake.Healthy ? Results.Text("""{"status":"Healthy"}""", "application/json") : Results.StatusCode(503));
        app.MapGet("/openapi/v1.json", () => Results.Text(fake.OpenApiDocument, "application/json"));
        app.Map("/{**path}", async (HttpContext context) =>
        {
            long bodyBytes = 0;
            var buffer = new byte[81920];
            for (int n; (n = await context.Request.Body.ReadAsync(buffer)) > 0;)
            {
                bodyBytes += n;
            }

            return Results.Json(new
            {
                service = name,
                method = context.Request.Method,
                path = context.Request.Path.Value,
                query = context.Request.QueryString.Value,
                headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
                bodyBytes,
            });
        });

        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
