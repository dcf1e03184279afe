namespace CyclingCoach.Coaching.Ai;

/// <summary>
/// Section "OpenRouter". Any OpenAI-compatible server (Ollama, LM Studio, vLLM) works by changing
/// <see cref="BaseUrl"/> and <see cref="Model"/>; the OpenRouter-only body fields are then left out.
/// </summary>
public sealed class OpenRouterOptions
{
    public const string SectionName = "OpenRouter";

    public const string DefaultBaseUrl = "https://openrouter.ai/api/v1";

    public const string DefaultModel = "anthropic/claude-sonnet-4.5";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Alias OPENROUTER_API_KEY. Without it the built-in coach is the only engine.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Alias AI_MODEL. An OpenRouter id is <c>vendor/model</c>; Ollama's is e.g. <c>llama3.1:8b</c>.</summary>
    public string Model { get; set; } = DefaultModel;

    /// <summary>Tried in order by OpenRouter when the model fails (body field <c>models</c>).</summary>
    public List<string> FallbackModels { get; set; } = [];

    /// <summary>Sent as <c>HTTP-Referer</c> when set (OpenRouter's app attribution).</summary>
    public string? AppUrl { get; set; }

    /// <summary>Sent as <c>X-OpenRouter-Title</c> and <c>X-Title</c>.</summary>
    public string AppTitle { get; set; } = "CyclingCoach";

    /// <summary>One HTTP attempt; a 4-week plan can take well over a minute.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>All attempts of one HTTP call together.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of 408/429/5xx/timeouts by the resilience handler (the only retry layer).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the exponential back-off when the server sends no Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public float? Temperature { get; set; } = 0.2f;

    public int? MaxOutputTokens { get; set; } = 16000;

    /// <summary>
    /// Send OpenRouter's own body fields (<c>provider.require_parameters</c>, <c>models</c>). Null: only when
    /// <see cref="BaseUrl"/> is on openrouter.ai, so other OpenAI-compatible servers get a plain body.
    /// </summary>
    public bool? OpenRouterFields { get; set; }

    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    public bool SendsOpenRouterFields => OpenRouterFields
        ?? (Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
            && (uri.Host == "openrouter.ai" || uri.Host.EndsWith(".openrouter.ai", StringComparison.OrdinalIgnoreCase)));
}
