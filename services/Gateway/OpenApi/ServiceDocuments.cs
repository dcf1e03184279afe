using CyclingCoach.ServiceDefaults.Problems;
using Scalar.AspNetCore;

namespace CyclingCoach.Gateway.OpenApi;

/// <summary>
/// Serves each service's OpenAPI document at <c>/openapi/{service}.json</c> (fetched from the service) and the
/// Scalar UI over all of them at <c>/docs</c>. Both are public: the documents hold no data, and every call the UI
/// makes still needs the API key.
/// </summary>
public static class ServiceDocuments
{
    public const string HttpClientName = "openapi-documents";

    public static IEndpointRouteBuilder MapServiceDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi/{service}.json", GetDocument).ExcludeFromDescription();
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("CyclingCoach API");
            options.WithOpenApiRoutePattern("/openapi/{documentName}.json");
            foreach (var service in Extensions.Extensions.Downstream)
            {
                options.AddDocument(service, service);
            }
        });
        return app;
    }

    public static async Task<IResult> GetDocument(string service, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        if (!Extensions.Extensions.Downstream.Contains(service))
        {
            return TypedResults.Problem(statusCode: 404, type: ProblemTypes.NotFound, title: "Unknown service", detail: $"No service named '{service}'.");
        }

        try
        {
            using var client = clients.CreateClient(HttpClientName);
            var document = await client.GetStringAsync($"http://{service}/openapi/v1.json", cancellationToken);
            return TypedResults.Text(document, "application/json");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(statusCode: 502, type: ProblemTypes.Unavailable, title: "Service unavailable", detail: $"{service}: {e.Message}");
        }
    }
}
