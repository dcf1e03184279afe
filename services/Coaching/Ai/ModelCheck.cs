using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Ai;

/// <summary>
/// At start-up, asks GET {BaseUrl}/models once whether the configured model exists and logs one clear warning when
/// it does not or the list cannot be read. Never fails start-up: the built-in coach covers a broken LLM.
/// </summary>
public sealed class ModelCheck(
    IHttpClientFactory httpClients,
    IOptions<OpenRouterOptions> options,
    AiStatus status,
    ILogger<ModelCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var url = o.BaseUrl.TrimEnd('/') + "/models";
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
            using var response = await httpClients.CreateClient(AiExtensions.HttpClientName).SendAsync(request, stoppingToken);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync(stoppingToken);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: stoppingToken);
            var listed = document.RootElement.GetProperty("data").EnumerateArray()
                .Any(m => m.TryGetProperty("id", out var id) && id.GetString() == o.Model);
            status.ModelChecked(listed, null);
            if (!listed)
            {
                logger.LogWarning(
                    "AI model {Model} is not listed at {Url}: AI calls will fail and the built-in coach will answer. Set OpenRouter:Model (AI_MODEL) to a listed id",
                    o.Model, url);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            status.ModelChecked(false, e.Message);
            logger.LogWarning("Could not check AI model {Model} at {Url} ({Error}); AI calls may fail and fall back to the built-in coach", o.Model, url, e.Message);
        }
    }
}
