using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace CyclingCoach.Coaching.Ai;

/// <summary>The request settings every AI call shares: model, temperature, token cap and OpenRouter's own fields.</summary>
public static class AiChatOptions
{
    public static ChatOptions Create(OpenRouterOptions settings) => new()
    {
        ModelId = settings.Model,
        Temperature = settings.Temperature,
        MaxOutputTokens = settings.MaxOutputTokens,
        RawRepresentationFactory = settings.SendsOpenRouterFields ? _ => OpenRouterBody(settings) : null,
    };

#pragma warning disable SCME0001 // ChatCompletionOptions.Patch is experimental; it is how non-OpenAI body fields are sent
    /// <summary>Route only to providers that support every parameter sent (the schema, tools); fallback models.</summary>
    private static ChatCompletionOptions OpenRouterBody(OpenRouterOptions settings)
    {
        var body = new ChatCompletionOptions();
        body.Patch.Set("$.provider"u8, BinaryData.FromString("""{"require_parameters":true}"""));
        if (settings.FallbackModels.Count > 0)
        {
            body.Patch.Set("$.models"u8, BinaryData.FromObjectAsJson(new[] { settings.Model }.Concat(settings.FallbackModels)));
        }

        return body;
    }
#pragma warning restore SCME0001
}
