using System.Text.Json.Nodes;
using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Tests.Ai;

/// <summary>StructuredOutput against the fake server through the real OpenAI SDK and HTTP pipeline.</summary>
public sealed class StructuredOutputTests : IAsyncLifetime
{
    private static readonly RuleParseResult Parsed = new(
        new RuleSet
        {
            AvailableDays = [DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday, DayOfWeek.Sunday],
            RestDays = [DayOfWeek.Monday],
            MaxHoursPerWeek = 8,
            LongRideDay = DayOfWeek.Saturday,
            LongRideMaxHours = 3.5,
            Events = [new TargetEvent("Gran Fondo", new DateOnly(2027, 5, 16)), new TargetEvent("Club TT", new DateOnly(2027, 4, 11), EventPriority.C)],
        },
        ["I prefer coffee rides"]);

    private static readonly AiPrompt Prompt = new(AiAction.RuleParsing, "Parse these rules: \"rest on Mondays\"", Guid.NewGuid(), 3);

    private FakeOpenAiServer server = null!;

    private static string ValidJson => CoachJson.Serialize(Parsed);

    public async Task InitializeAsync() => server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Valid_json_is_returned_typed_and_the_call_recorded()
    {
        server.Reply(FakeReply.Content(ValidJson));
        await using var host = AiHost.Create(server);

        var result = await Ask(host);

        Assert.Equal(ValidJson, CoachJson.Serialize(result));
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal(AiCallOutcome.Success, record.Outcome);
        Assert.Equal(1, record.Attempts);
        Assert.Equal(AiAction.RuleParsing, record.Action);
        Assert.Equal(Prompt.PromptId, record.PromptId);
        Assert.Equal(3, record.PromptVersion);
        Assert.Equal(AiHost.Model, record.ModelRequested);
        Assert.Equal(FakeOpenAiServer.ServedModel, record.ModelUsed);
        Assert.Equal(FakeOpenAiServer.PromptTokens, record.InputTokens);
        Assert.Equal(FakeOpenAiServer.CompletionTokens, record.OutputTokens);
        Assert.Equal(FakeOpenAiServer.Cost, record.Cost);
        Assert.StartsWith("gen-", record.ResponseId);
        Assert.Null(record.Error);
    }

    [Fact]
    public async Task The_request_carries_key_attribution_model_and_a_strict_json_schema()
    {
        server.Reply(FakeReply.Content(ValidJson));
        await using var host = AiHost.Create(server);

        await Ask(host);

        var request = Assert.Single(server.ChatRequests);
        Assert.Equal($"Bearer {AiHost.ApiKey}", request.Header("Authorization"));
        Assert.Equal(AiHost.AppUrl, request.Header("HTTP-Referer"));
        Assert.Equal(AiHost.AppTitle, request.Header("X-OpenRouter-Title"));
        Assert.Equal(AiHost.AppTitle, request.Header("X-Title"));
        var body = request.Body!;
        Assert.Equal(AiHost.Model, (string?)body["model"]);
        Assert.Equal("json_schema", (string?)body["response_format"]?["type"]);
        var schema = body["response_format"]!["json_schema"]!;
        Assert.True((bool?)schema["strict"]);
        Assert.Null(body["strict"]); // the flag belongs to json_schema only
        Assert.Equal(nameof(RuleParseResult), (string?)schema["name"]);
        // The schema speaks the service's JSON: camelCase names, snake_case enum values, every property required.
        var restDays = schema["schema"]!["properties"]!["rules"]!["properties"]!["restDays"]!;
        Assert.Contains("monday", restDays["items"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("notUnderstood", schema["schema"]!["required"]!.AsArray().Select(v => (string?)v));
        // The rider's prompt is the user message; the system message asks for JSON only.
        Assert.Equal(Prompt.Text, request.MessageContents[^1]);
        Assert.Contains("JSON", request.MessageContents[0]);
        // Not openrouter.ai: the OpenRouter-only fields stay out of a plain OpenAI-compatible body.
        Assert.Null(body["provider"]);
        Assert.Null(body["models"]);
    }

    [Fact]
    public async Task OpenRouter_fields_are_sent_when_enabled()
    {
        server.Reply(FakeReply.Content(ValidJson));
        await using var host = AiHost.Create(server, new Dictionary<string, string?>
        {
            ["OpenRouter:OpenRouterFields"] = "true",
            ["OpenRouter:FallbackModels:0"] = "openai/gpt-4o-mini",
        });

        await Ask(host);

        var body = Assert.Single(server.ChatRequests).Body!;
        Assert.True((bool?)body["provider"]?["require_parameters"]);
        Assert.Equal([AiHost.Model, "openai/gpt-4o-mini"], body["models"]!.AsArray().Select(v => (string?)v));
    }

    [Theory]
    [InlineData("```json\n{0}\n```")]
    [InlineData("Here is the rule set you asked for:\n\n{0}\n\nLet me know if anything is missing.")]
    [InlineData("Sure {{happy to help}}! ```\n{0}\n``` Done.")]
    public async Task Json_in_fences_or_prose_is_found(string answer)
    {
        server.Reply(FakeReply.Content(answer.Replace("{0}", ValidJson)));
        await using var host = AiHost.Create(server);

        var result = await Ask(host);

        Assert.Equal(ValidJson, CoachJson.Serialize(result));
        Assert.Equal(AiCallOutcome.Success, Assert.Single(host.CallLog.Records).Outcome);
    }

    [Fact]
    public async Task Schema_invalid_then_valid_is_repaired_with_the_errors_sent_back()
    {
        const string invalid = """{"rules":{"restDays":["funday"]}}""";
        server.Reply(FakeReply.Content(invalid), FakeReply.Content(ValidJson));
        await using var host = AiHost.Create(server);

        var result = await Ask(host);

        Assert.Equal(ValidJson, CoachJson.Serialize(result));
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal(AiCallOutcome.Repaired, record.Outcome);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(2 * FakeOpenAiServer.PromptTokens, record.InputTokens);
        Assert.Equal(2 * FakeOpenAiServer.Cost, record.Cost!.Value, 10);
        var repair = server.ChatRequests[1].MessageContents;
        Assert.Equal(invalid, repair[^2]); // the bad answer goes back as the assistant's turn
        Assert.Contains("$.rules.restDays[0]", repair[^1]);
        Assert.Contains("$.notUnderstood: required property is missing", repair[^1]);
    }

    [Fact]
    public async Task Schema_invalid_twice_throws_and_records_invalid_output()
    {
        server.Reply(FakeReply.Content("""{"rules":{"maxHoursPerWeek":"eight"},"notUnderstood":[]}"""),
            FakeReply.Content("""{"rules":{"maxHoursPerWeek":"still eight"},"notUnderstood":[]}"""));
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiOutputException>(() => Ask(host));

        Assert.Equal(AiCallOutcome.InvalidOutput, e.Outcome);
        Assert.Contains(e.Errors, error => error.StartsWith("$.rules.maxHoursPerWeek: expected number", StringComparison.Ordinal));
        Assert.Equal(2, server.ChatRequests.Count);
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal((AiCallOutcome.InvalidOutput, 2), (record.Outcome, record.Attempts));
        Assert.NotNull(record.Error);
        Assert.Equal(AiCallOutcome.InvalidOutput, host.Get<AiStatus>().Current.LastFailureOutcome);
    }

    [Fact]
    public async Task Prose_only_twice_is_invalid_output()
    {
        server.Otherwise = FakeReply.Content("I'm sorry, I can't help with training rules today.");
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiOutputException>(() => Ask(host));

        Assert.Equal(["the answer contains no JSON object"], e.Errors);
        Assert.Equal(2, server.ChatRequests.Count);
    }

    [Fact]
    public async Task A_failed_semantic_check_is_repaired_like_a_schema_error()
    {
        var wrong = Parsed with { Rules = Parsed.Rules with { MaxHoursPerWeek = 80 } };
        server.Reply(FakeReply.Content(CoachJson.Serialize(wrong)), FakeReply.Content(ValidJson));
        await using var host = AiHost.Create(server);

        var result = await host.Get<StructuredOutput>().GetAsync<RuleParseResult>(Prompt,
            r => r.Rules.MaxHoursPerWeek > 40 ? ["rules.maxHoursPerWeek: more than 40 hours"] : [], CancellationToken.None);

        Assert.Equal(8, result.Rules.MaxHoursPerWeek);
        Assert.Contains("more than 40 hours", server.ChatRequests[1].MessageContents[^1]);
        Assert.Equal(AiCallOutcome.Repaired, Assert.Single(host.CallLog.Records).Outcome);
    }

    [Fact]
    public async Task Finish_reason_error_in_a_200_is_a_provider_error()
    {
        server.Reply(FakeReply.Content("{\"rules\":", finishReason: "error"));
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiProviderException>(() => Ask(host));

        Assert.Equal(AiCallOutcome.ProviderError, e.Outcome);
        Assert.Equal(AiCallOutcome.ProviderError, Assert.Single(host.CallLog.Records).Outcome);
        var status = host.Get<AiStatus>().Current;
        Assert.Equal(AiCallOutcome.ProviderError, status.LastFailureOutcome);
        Assert.NotNull(status.LastFailureAt);
    }

    [Fact]
    public async Task Finish_reason_length_is_cut_off_output_without_a_repair()
    {
        server.Reply(FakeReply.Content(ValidJson[..40], finishReason: "length"));
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiOutputException>(() => Ask(host));

        Assert.Equal(AiCallOutcome.InvalidOutput, e.Outcome);
        Assert.Contains("cut off", e.Message);
        Assert.Single(server.ChatRequests);
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal((AiCallOutcome.InvalidOutput, 1, (long?)FakeOpenAiServer.CompletionTokens), (record.Outcome, record.Attempts, record.OutputTokens));
    }

    [Theory]
    [InlineData(402, AiCallOutcome.PaymentRequired)]
    [InlineData(401, AiCallOutcome.ProviderError)]
    [InlineData(403, AiCallOutcome.ProviderError)]
    public async Task Payment_and_auth_failures_are_not_retried(int status, AiCallOutcome outcome)
    {
        server.Otherwise = FakeReply.Status(status);
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiProviderException>(() => Ask(host));

        Assert.Equal((outcome, (int?)status), (e.Outcome, e.Status));
        Assert.Single(server.ChatRequests);
        Assert.Equal(outcome, Assert.Single(host.CallLog.Records).Outcome);
    }

    [Fact]
    public async Task Rate_limit_with_retry_after_is_retried_then_succeeds()
    {
        server.Reply(FakeReply.Status(429, retryAfter: "0"), FakeReply.Content(ValidJson));
        await using var host = AiHost.Create(server);

        var result = await Ask(host);

        Assert.Equal(8, result.Rules.MaxHoursPerWeek);
        Assert.Equal(2, server.ChatRequests.Count);
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal((AiCallOutcome.Success, 1), (record.Outcome, record.Attempts)); // one model call, retried by the HTTP layer
    }

    [Fact]
    public async Task Rate_limit_forever_is_rate_limited_after_exactly_the_configured_retries()
    {
        server.Otherwise = FakeReply.Status(429, retryAfter: "0");
        await using var host = AiHost.Create(server, new Dictionary<string, string?> { ["OpenRouter:MaxRetries"] = "2" });

        var e = await Assert.ThrowsAsync<AiProviderException>(() => Ask(host));

        Assert.Equal(AiCallOutcome.RateLimited, e.Outcome);
        // 1 + 2 retries: one retry layer only (ServiceDefaults' handler and the SDK's own retries would add more).
        Assert.Equal(3, server.ChatRequests.Count);
        Assert.Equal(AiCallOutcome.RateLimited, Assert.Single(host.CallLog.Records).Outcome);
    }

    [Fact]
    public async Task Server_error_is_retried_then_succeeds()
    {
        server.Reply(FakeReply.Status(502), FakeReply.Content(ValidJson));
        await using var host = AiHost.Create(server);

        await Ask(host);

        Assert.Equal(2, server.ChatRequests.Count);
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal((AiCallOutcome.Success, 1), (record.Outcome, record.Attempts)); // retried by the HTTP layer
    }

    [Fact]
    public async Task Server_error_forever_is_a_provider_error()
    {
        server.Otherwise = FakeReply.Status(503);
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiProviderException>(() => Ask(host));

        Assert.Equal((AiCallOutcome.ProviderError, (int?)503), (e.Outcome, e.Status));
        Assert.Equal(3, server.ChatRequests.Count);
    }

    /// <summary>
    /// llama.cpp answers 500 when the model's output does not parse: the model is asked once more (not the HTTP
    /// layer's two retries of a long generation), and a second 500 is an unusable answer the caller falls back on.
    /// </summary>
    [Fact]
    public async Task A_llama_cpp_parse_error_is_asked_once_more_then_given_up()
    {
        server.Otherwise = FakeReply.LlamaCppParseError();
        await using var host = AiHost.Create(server);

        var e = await Assert.ThrowsAsync<AiOutputException>(() => Ask(host));

        Assert.Equal(2, server.ChatRequests.Count);
        Assert.Contains("HTTP 500", e.Message);
        Assert.Contains("peg-native format", e.Message);
        var record = Assert.Single(host.CallLog.Records);
        Assert.Equal((AiCallOutcome.InvalidOutput, 2), (record.Outcome, record.Attempts));
    }

    [Fact]
    public async Task A_llama_cpp_parse_error_then_a_good_answer_is_used()
    {
        server.Reply(FakeReply.LlamaCppParseError(), FakeReply.Content(ValidJson));
        await using var host = AiHost.Create(server);

        var result = await Ask(host);

        Assert.Equal(8, result.Rules.MaxHoursPerWeek);
        Assert.Equal(2, server.ChatRequests.Count);
        Assert.Equal((AiCallOutcome.Repaired, 2), (host.CallLog.Records[0].Outcome, host.CallLog.Records[0].Attempts));
    }

    [Fact]
    public async Task A_slow_answer_beyond_the_attempt_timeout_is_a_timeout()
    {
        server.Otherwise = FakeReply.Hang();
        await using var host = AiHost.Create(server, new Dictionary<string, string?>
        {
            ["OpenRouter:AttemptTimeout"] = "00:00:00.200",
            ["OpenRouter:MaxRetries"] = "1",
        });

        var e = await Assert.ThrowsAsync<AiProviderException>(() => Ask(host));

        Assert.Equal(AiCallOutcome.Timeout, e.Outcome);
        Assert.Equal(2, server.ChatRequests.Count); // timed-out attempts are retried too
        Assert.Equal(AiCallOutcome.Timeout, Assert.Single(host.CallLog.Records).Outcome);
    }

    [Fact]
    public async Task Caller_cancellation_is_recorded_as_cancelled()
    {
        server.Otherwise = FakeReply.Hang();
        await using var host = AiHost.Create(server);
        using var cancel = new CancellationTokenSource();

        var call = host.Get<StructuredOutput>().GetAsync<RuleParseResult>(Prompt, null, cancel.Token);
        await server.FirstChatRequest;
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.ChatRequests);
        Assert.Equal(AiCallOutcome.Cancelled, Assert.Single(host.CallLog.Records).Outcome);
    }

    private static Task<RuleParseResult> Ask(AiHost host) =>
        host.Get<StructuredOutput>().GetAsync<RuleParseResult>(Prompt, null, CancellationToken.None);
}
