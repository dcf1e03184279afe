using System.Diagnostics;
using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Engines.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyclingCoach.Coaching.Tests.Ai;

/// <summary>AddCoachAi's registrations and the start-up model check.</summary>
public sealed class AiWiringTests
{
    [Fact]
    public async Task Without_an_api_key_there_is_no_llm_and_the_status_says_why()
    {
        await using var host = AiHost.Create(null, new Dictionary<string, string?> { ["OpenRouter:ApiKey"] = "" });

        Assert.Null(host.Services.GetService<IChatClient>());
        Assert.Null(host.Services.GetService<LlmCoachEngine>());
        var status = host.Get<AiStatus>().Current;
        Assert.Equal(("builtin", "no OpenRouter:ApiKey"), (status.Engine, status.Reason));
    }

    [Fact]
    public async Task The_seed_env_names_set_key_and_model()
    {
        await using var host = AiHost.Create(null, new Dictionary<string, string?>
        {
            ["OpenRouter:ApiKey"] = null,
            ["OpenRouter:Model"] = null,
            ["OPENROUTER_API_KEY"] = "sk-or-v1-from-env",
            ["AI_MODEL"] = "openai/gpt-4o-mini",
        });

        Assert.NotNull(host.Services.GetService<IChatClient>());
        var status = host.Get<AiStatus>().Current;
        Assert.Equal(("llm", "openai/gpt-4o-mini", (string?)null), (status.Engine, status.Model, status.Reason));
    }

    [Fact]
    public async Task A_listed_model_passes_the_check_quietly()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var host = AiHost.Create(server);

        await host.RunStartupChecksAsync();

        Assert.Empty(CheckLogs(host));
        Assert.Equal($"Bearer {AiHost.ApiKey}", Assert.Single(server.Requests, r => r.Path == "/api/v1/models").Header("Authorization"));
        Assert.Equal((true, (string?)null), (host.Get<AiStatus>().Current.ModelListed, host.Get<AiStatus>().Current.Reason));
    }

    [Fact]
    public async Task A_model_missing_from_models_gives_one_clear_warning()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Models.Remove(AiHost.Model);
        await using var host = AiHost.Create(server);

        await host.RunStartupChecksAsync();

        var warning = Assert.Single(CheckLogs(host));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(AiHost.Model, warning.Message);
        Assert.Contains($"{server.BaseUrl}/models", warning.Message);
        var status = host.Get<AiStatus>().Current;
        Assert.Equal(("llm", false, AiStatus.ModelNotListed), (status.Engine, status.ModelListed, status.Reason));
    }

    [Fact]
    public async Task An_unreachable_models_list_gives_one_warning_and_start_up_goes_on()
    {
        await using var host = AiHost.Create(null); // nothing listens on 127.0.0.1:9

        await host.RunStartupChecksAsync();

        var warning = Assert.Single(CheckLogs(host));
        Assert.Contains("Could not check AI model", warning.Message);
        Assert.StartsWith("model check failed:", host.Get<AiStatus>().Current.Reason);
    }

    [Fact]
    public async Task A_call_emits_a_gen_ai_span_on_the_coaching_source()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply(FakeReply.Content("""{"rules":{},"notUnderstood":[]}"""));
        await using var host = AiHost.Create(server);
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AiExtensions.TelemetrySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        using var test = new Activity("test").Start(); // other tests' calls run in parallel: keep to this trace

        await host.Get<StructuredOutput>().GetAsync<RuleParseResult>(new AiPrompt(AiAction.RuleParsing, "rules"), null, CancellationToken.None);

        var span = Assert.Single(spans, s => s.TraceId == test.TraceId);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(AiHost.Model, span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(FakeOpenAiServer.ServedModel, span.GetTagItem("gen_ai.response.model"));
    }

    private static IEnumerable<(string Category, LogLevel Level, string Message)> CheckLogs(AiHost host) =>
        host.Logs.Entries.Where(e => e.Category == typeof(ModelCheck).FullName);
}
