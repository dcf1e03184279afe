using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CyclingCoach.Coaching.Ai;

public static class AiExtensions
{
    /// <summary>The ActivitySource and Meter of the gen_ai spans and metrics (AddCoachAi adds both to OpenTelemetry).</summary>
    public const string TelemetrySourceName = "CyclingCoach.Coaching.Ai";

    public const string HttpClientName = "openrouter";

    /// <summary>
    /// Options, <see cref="AiStatus"/> and, only when <c>OpenRouter:ApiKey</c> is set: the HttpClient (one
    /// resilience layer), the <see cref="IChatClient"/>, <see cref="StructuredOutput"/>, <see cref="StreamingChat"/>
    /// and the start-up <see cref="ModelCheck"/> (the LLM engine on top: <c>EngineExtensions.AddCoachEngines</c>). <see cref="IPromptSource"/> and <see cref="IAiCallLog"/> come
    /// from the store.
    /// </summary>
    public static IHostApplicationBuilder AddCoachAi(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OpenRouterOptions.SectionName);
        builder.Services.Configure<OpenRouterOptions>(section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AiStatus>();

        var settings = section.Get<OpenRouterOptions>() ?? new();
        if (!settings.HasApiKey)
        {
            return builder;
        }

#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental, and the supported way to replace a default handler
        builder.Services.AddHttpClient(HttpClientName, http =>
            {
                if (!string.IsNullOrWhiteSpace(settings.AppUrl))
                {
                    http.DefaultRequestHeaders.Add("HTTP-Referer", settings.AppUrl);
                }

                http.DefaultRequestHeaders.Add("X-OpenRouter-Title", settings.AppTitle);
                http.DefaultRequestHeaders.Add("X-Title", settings.AppTitle);
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler owns every timeout
            })
            .RemoveAllResilienceHandlers() // ServiceDefaults' 10 s / 30 s handler would cut plan generation short
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.AttemptTimeout.Timeout = settings.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = settings.TotalTimeout;
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(2 * settings.AttemptTimeout.Ticks, TimeSpan.FromSeconds(30).Ticks));
                resilience.Retry.Delay = settings.RetryDelay;
                resilience.Retry.MaxRetryAttempts = Math.Max(1, settings.MaxRetries);
                // A 500 is not retried here: llama.cpp-style servers answer 500 when the model's output does not parse,
                // and StructuredOutput asks the model once more instead (research/llm.md; issue 17).
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(settings.MaxRetries > 0
                    && args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.InternalServerError
                    && HttpClientResiliencePredicates.IsTransient(args.Outcome, args.Context.CancellationToken));
            });
#pragma warning restore EXTEXP0001

        builder.Services.AddChatClient(services =>
            {
                var o = services.GetRequiredService<IOptions<OpenRouterOptions>>().Value;
                var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
                var client = new OpenAIClient(new ApiKeyCredential(o.ApiKey!), new OpenAIClientOptions
                {
                    Endpoint = new Uri(o.BaseUrl),
                    Transport = new HttpClientPipelineTransport(http),
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0), // one retry layer: the resilience handler
                    NetworkTimeout = Timeout.InfiniteTimeSpan,
                });
                return client.GetChatClient(o.Model).AsIChatClient();
            })
            .UseOpenTelemetry(sourceName: TelemetrySourceName);
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(TelemetrySourceName))
            .WithMetrics(metrics => metrics.AddMeter(TelemetrySourceName));

        builder.Services.AddScoped<StructuredOutput>();
        builder.Services.AddScoped<StreamingChat>();
        builder.Services.AddHostedService<ModelCheck>();
        return builder;
    }
}
