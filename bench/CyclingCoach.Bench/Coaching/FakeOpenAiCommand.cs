using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CyclingCoach.Bench.Coaching;

/// <summary>
/// <c>coaching-fake-openai PORT</c>: an OpenAI-compatible server on 127.0.0.1 (the idea of the tests' FakeOpenAiServer)
/// that answers every chat completion at once with the scenario's rules as a valid <see cref="RuleParseResult"/>, lists
/// the default model at /models, and hands back the last chat body it got (<c>GET /bench/last-chat</c>) so the
/// overhead measurement can time the fake alone with exactly the service's request. Runs until killed.
/// </summary>
public static class FakeOpenAiCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{int.Parse(args[0])}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var answer = Completion(CoachJson.Serialize(new RuleParseResult(CoachingScenario.Rules, [])));
        var lastChat = "";
        app.MapPost("/api/v1/chat/completions", async (HttpContext context) =>
        {
            lastChat = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        });
        app.MapGet("/api/v1/models", () => TypedResults.Ok(new
        {
            data = new[] { new { id = OpenRouterOptions.DefaultModel, name = OpenRouterOptions.DefaultModel, context_length = 200000, supported_parameters = new[] { "response_format", "structured_outputs" } } },
        }));
        app.MapGet("/bench/last-chat", () => TypedResults.Text(lastChat, "application/json"));
        await app.RunAsync();
        return 0;
    }

    private static string Completion(string content) => System.Text.Json.JsonSerializer.Serialize(new
    {
        id = "gen-bench",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = OpenRouterOptions.DefaultModel,
        choices = new[] { new { index = 0, finish_reason = "stop", message = new { role = "assistant", content } } },
        usage = new { prompt_tokens = 120, completion_tokens = 30, total_tokens = 150, cost = 0.00081 },
    });
}
