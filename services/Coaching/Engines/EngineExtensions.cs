using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Engines.BuiltIn;
using CyclingCoach.Coaching.Engines.Llm;

namespace CyclingCoach.Coaching.Engines;

public static class EngineExtensions
{
    /// <summary>
    /// The engines: the built-in coach always; the LLM engine, asked first, when <see cref="AiExtensions.AddCoachAi"/>
    /// set up a model (<c>OpenRouter:ApiKey</c> is set). <see cref="IPromptSource"/> and <see cref="IAiCallLog"/> come
    /// from the caller.
    /// </summary>
    public static IHostApplicationBuilder AddCoachEngines(this IHostApplicationBuilder builder)
    {
        builder.AddCoachAi();
        var services = builder.Services;
        services.AddScoped<ICoachEngine, BuiltInCoachEngine>();
        if (services.Any(s => s.ServiceType == typeof(StructuredOutput)))
        {
            services.AddScoped<LlmCoachEngine>();
            services.AddScoped<ICoachEngine>(sp => sp.GetRequiredService<LlmCoachEngine>());
        }

        services.AddScoped<CoachEngines>();
        return builder;
    }
}
