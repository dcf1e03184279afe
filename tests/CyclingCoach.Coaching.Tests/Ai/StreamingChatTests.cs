using System.Text.Json.Nodes;
using CyclingCoach.Coaching.Ai;
using Microsoft.Extensions.AI;

namespace CyclingCoach.Coaching.Tests.Ai;

/// <summary>StreamingChat against the fake server's SSE answers (frames as OpenRouter sends them, research/llm.md §4.2).</summary>
public sealed class StreamingChatTests : IAsyncLifetime
{
    private static readonly AiPrompt System = new(AiAction.Chat, "You are the rider's coach.", Guid.NewGuid(), 1);

    private FakeOpenAiServer server = null!;

    public async Task InitializeAsync() => server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Streams_text_past_comment_frames_and_records_usage_from_the_final_chunk()
    {
        server.Reply(FakeReply.Stream(
            ": OPENROUTER PROCESSING\n\n",
            Chunk("""{"role":"assistant","content":"Your form "}""", null),
            ": OPENROUTER PROCESSING\n\n",
            Chunk("""{"content":"is -5."}""", "\"stop\""),
            UsageChunk(12, 5, 0.000111),
            "data: [DONE]\n\n"));
        await using var host = AiHost.Create(server);

        var text = await Collect(host, "How is my form?");

        Assert.Equal("Your form is -5.", text);
        var body = Assert.Single(server.ChatRequests).Body!;
        Assert.True((bool?)body["stream"]);
        Assert.Equal(["You are the rider's coach.", "How is my form?"], Assert.Single(server.ChatRequests).MessageContents);
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal((AiAction.Chat, AiCallOutcome.Success, System.PromptId), (record.Action, record.Outcome, record.PromptId));
        Assert.Equal(((long?)12, (long?)5, (double?)0.000111), (record.InputTokens, record.OutputTokens, record.Cost));
        Assert.Equal(("gen-s1", FakeOpenAiServer.ServedModel), (record.ResponseId, record.ModelUsed));
    }

    [Fact]
    public async Task Finish_reason_error_mid_stream_is_a_provider_error()
    {
        server.Reply(FakeReply.Stream(
            Chunk("""{"role":"assistant","content":"Your form "}""", null),
            Chunk("""{"content":""}""", "\"error\""),
            "data: [DONE]\n\n"));
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiProviderException>(() => Collect(host, "How is my form?"));

        Assert.Equal(AiCallOutcome.ProviderError, e.Outcome);
        Assert.Equal(AiCallOutcome.ProviderError, Assert.Single(host.CallLog.Records).Outcome);
    }

    [Fact]
    public async Task Rate_limited_before_the_stream_starts_is_rate_limited()
    {
        server.Otherwise = FakeReply.Status(429, retryAfter: "0");
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiProviderException>(() => Collect(host, "Hi"));

        Assert.Equal(AiCallOutcome.RateLimited, e.Outcome);
        Assert.Equal(3, server.ChatRequests.Count);
    }

    [Fact]
    public async Task Tools_the_model_calls_are_invoked_and_their_results_sent_back()
    {
        server.Reply(
            FakeReply.Stream(
                Chunk("""{"role":"assistant","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_form","arguments":"{}"}}]}""", "\"tool_calls\""),
                UsageChunk(20, 4, 0.0002),
                "data: [DONE]\n\n"),
            FakeReply.Stream(
                Chunk("""{"role":"assistant","content":"TSB is -5."}""", "\"stop\""),
                UsageChunk(30, 6, 0.0003),
                "data: [DONE]\n\n"));
        await using var host = AiHost.Create(server);
        var calls = 0;
        var tool = AIFunctionFactory.Create(() => { calls++; return "tsb=-5"; }, "get_form", "The rider's current form (TSB).");

        var text = await Collect(host, "How is my form?", [tool]);

        Assert.Equal("TSB is -5.", text);
        Assert.Equal(1, calls);
        var second = server.ChatRequests[1].Body!["messages"]!.AsArray();
        Assert.Equal(("tool", "call_1"), ((string?)second[^1]!["role"], (string?)second[^1]!["tool_call_id"]));
        Assert.Contains("tsb=-5", (string?)second[^1]!["content"]);
        Assert.Equal("get_form", (string?)server.ChatRequests[0].Body!["tools"]![0]!["function"]!["name"]);
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal(((long?)50, (long?)10), (record.InputTokens, record.OutputTokens));
        Assert.Equal(0.0005, record.Cost!.Value, 10);
    }

    private static async Task<string> Collect(AiHost host, string question, IList<AITool>? tools = null)
    {
        var text = "";
        await foreach (var update in host.Get<StreamingChat>().StreamAsync(System, [new ChatMessage(ChatRole.User, question)], tools))
        {
            text += update.Text;
        }

        return text;
    }

    private static string Chunk(string delta, string? finishReason) =>
        $$"""data: {"id":"gen-s1","object":"chat.completion.chunk","created":1,"model":"{{FakeOpenAiServer.ServedModel}}","choices":[{"index":0,"delta":{{delta}},"finish_reason":{{finishReason ?? "null"}}}]}""" + "\n\n";

    private static string UsageChunk(int prompt, int completion, double cost)
    {
        var usage = new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion, ["cost"] = cost };
        var chunk = new JsonObject { ["id"] = "gen-s1", ["object"] = "chat.completion.chunk", ["created"] = 1, ["model"] = FakeOpenAiServer.ServedModel, ["choices"] = new JsonArray(), ["usage"] = usage };
        return $"data: {chunk.ToJsonString()}\n\n";
    }
}
