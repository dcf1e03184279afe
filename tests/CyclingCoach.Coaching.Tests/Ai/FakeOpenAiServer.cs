using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyclingCoach.Coaching.Tests.Ai;

/// <summary>What the fake server got: path, headers and body of one request.</summary>
public sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, JsonNode? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    /// <summary>The "content" of every message in the body, in order.</summary>
    public IReadOnlyList<string> MessageContents => Body?["messages"]?.AsArray()
        .Select(m => m?["content"] is JsonValue v ? v.GetValue<string>() : m?["content"]?.ToJsonString() ?? "").ToList() ?? [];
}

/// <summary>One scripted answer to a chat-completions request.</summary>
public abstract record FakeReply
{
    public static FakeReply Content(string content, string finishReason = "stop", string model = FakeOpenAiServer.ServedModel) =>
        new CompletionReply(content, finishReason, model);

    public static FakeReply Status(int status, string? retryAfter = null) => new StatusReply(status, retryAfter);

    /// <summary>
    /// What llama.cpp's server answers when the model's output does not parse against the response format's grammar:
    /// HTTP 500 with an OpenAI-style error of type server_error (ggml-org/llama.cpp issue 27279, plastic-labs/honcho
    /// issue 1174: "The model produced output that does not match the expected peg-native format").
    /// </summary>
    public static FakeReply LlamaCppParseError() =>
        new StatusReply(500, null, "The model produced output that does not match the expected peg-native format", "server_error");

    /// <summary>Answers only after the client gave up (the request is aborted) or a minute passed.</summary>
    public static FakeReply Hang() => new HangReply();

    public static FakeReply Stream(params string[] frames) => new StreamReply(frames);
}

public sealed record CompletionReply(string Text, string FinishReason, string Model) : FakeReply;

public sealed record StatusReply(int Code, string? RetryAfter, string? Message = null, string? Type = null) : FakeReply;

public sealed record HangReply : FakeReply;

public sealed record StreamReply(IReadOnlyList<string> Frames) : FakeReply;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1:0 (research/llm.md §4.2) for the real OpenAI SDK: chat completions
/// answered from a per-test script, /models from a list, and a log of every request.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    public const string ServedModel = "anthropic/claude-sonnet-4.5-20250929";
    public const int PromptTokens = 120;
    public const int CompletionTokens = 30;
    public const double Cost = 0.00081;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakeReply> script = new();
    private readonly ConcurrentQueue<FakeRequest> requests = new();
    private readonly TaskCompletionSource firstChatRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeOpenAiServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Answer once the script is used up; null: 500 "no scripted reply".</summary>
    public FakeReply? Otherwise { get; set; }

    public List<string> Models { get; } = ["anthropic/claude-sonnet-4.5", "openai/gpt-4o-mini"];

    public IReadOnlyList<FakeRequest> Requests => requests.ToList();

    public IReadOnlyList<FakeRequest> ChatRequests => requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)).ToList();

    /// <summary>Completes when the first chat request has arrived.</summary>
    public Task FirstChatRequest => firstChatRequest.Task;

    /// <summary>Drops the replies still scripted (a test sharing the server starts from a clean script).</summary>
    public FakeOpenAiServer Clear()
    {
        script.Clear();
        return this;
    }

    public FakeOpenAiServer Reply(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            script.Enqueue(reply);
        }

        return this;
    }

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/api/v1/chat/completions", server.ChatAsync);
        app.MapGet("/api/v1/models", server.ModelsAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/v1";
        return server;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task ChatAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Log(context, JsonNode.Parse(body));
        firstChatRequest.TrySetResult();
        var reply = script.TryDequeue(out var next) ? next : Otherwise ?? FakeReply.Status(500);
        switch (reply)
        {
            case CompletionReply c:
                await context.Response.WriteAsJsonAsync(Completion(c));
                break;
            case StatusReply s:
                context.Response.StatusCode = s.Code;
                if (s.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = s.RetryAfter;
                }

                await context.Response.WriteAsJsonAsync(new { error = new { code = s.Code, message = s.Message ?? $"scripted {s.Code}", type = s.Type } });
                break;
            case HangReply:
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as the test wanted.
                }

                break;
            case StreamReply stream:
                context.Response.ContentType = "text/event-stream";
                foreach (var frame in stream.Frames)
                {
                    await context.Response.WriteAsync(frame, Encoding.UTF8);
                    await context.Response.Body.FlushAsync();
                }

                break;
        }
    }

    private Task ModelsAsync(HttpContext context)
    {
        Log(context, null);
        return context.Response.WriteAsJsonAsync(new
        {
            data = Models.Select(id => new { id, name = id, context_length = 200000, supported_parameters = new[] { "response_format", "structured_outputs" } }),
        });
    }

    private void Log(HttpContext context, JsonNode? body) => requests.Enqueue(new FakeRequest(
        context.Request.Method,
        context.Request.Path,
        context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
        body));

    private static object Completion(CompletionReply reply) => new
    {
        id = "gen-" + Guid.NewGuid().ToString("N"),
        @object = "chat.completion",
        created = 1_700_000_000,
        model = reply.Model,
        choices = new[]
        {
            new { index = 0, finish_reason = reply.FinishReason, message = new { role = "assistant", content = reply.Text } },
        },
        usage = new { prompt_tokens = PromptTokens, completion_tokens = CompletionTokens, total_tokens = PromptTokens + CompletionTokens, cost = Cost },
    };
}
