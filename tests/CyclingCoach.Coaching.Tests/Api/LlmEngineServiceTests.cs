using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Tests.Ai;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>The service with an OpenRouter key, pointed at a fake OpenAI-compatible server.</summary>
public sealed class LlmCoachingFixture : CoachingFixture
{
    public FakeOpenAiServer Llm { get; private set; } = null!;

    protected override async Task<IReadOnlyDictionary<string, string?>> SettingsAsync()
    {
        Llm = await FakeOpenAiServer.StartAsync();
        return new Dictionary<string, string?>
        {
            ["OpenRouter:ApiKey"] = "sk-or-v1-test",
            ["OpenRouter:BaseUrl"] = Llm.BaseUrl,
            ["OpenRouter:Model"] = "anthropic/claude-sonnet-4.5",
            ["OpenRouter:RetryDelay"] = "00:00:00.010",
            ["OpenRouter:AttemptTimeout"] = "00:00:05",
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Llm.DisposeAsync();
    }
}

/// <summary>
/// The LLM engine inside the running service: its answers are used when valid and recorded in the AI call log;
/// prose, schema-invalid output or provider errors fall back to the built-in coach and store nothing broken.
/// </summary>
public sealed class LlmEngineServiceTests(LlmCoachingFixture fixture) : IClassFixture<LlmCoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task A_valid_answer_is_used_and_every_call_is_logged_with_its_outcome()
    {
        var status = await client.GetJsonAsync("/api/coach/status");
        Assert.Equal("llm", status.GetProperty("engine").GetString());
        Assert.Equal("anthropic/claude-sonnet-4.5", status.GetProperty("model").GetString());

        var rules = new RuleSet { MaxHoursPerWeek = 7, RestDays = [DayOfWeek.Friday] };
        var answer = CoachJson.Serialize(new RuleParseResult(rules, ["I like hills"]));
        fixture.Llm.Clear().Reply(FakeReply.Content(answer));
        var parsed = await client.PostJsonAsync("/api/coach/rules/parse", new { text = "Max 7 hours a week, Friday off, I like hills" }, HttpStatusCode.OK);
        Assert.Equal("llm", parsed.GetProperty("engine").GetString());
        Assert.Equal(7, parsed.GetProperty("rules").GetProperty("maxHoursPerWeek").GetDouble());
        Assert.Equal("I like hills", parsed.GetProperty("notUnderstood")[0].GetString());

        // The rider's text reached the model as data, with the seeded prompt.
        var request = fixture.Llm.ChatRequests[^1];
        Assert.Contains(request.MessageContents, m => m.Contains("Max 7 hours a week, Friday off, I like hills"));
        Assert.Equal("Bearer sk-or-v1-test", request.Header("Authorization"));

        var calls = await client.GetJsonAsync("/api/coach/ai-calls");
        var call = calls.GetProperty("items")[0];
        Assert.Equal("rule_parsing", call.GetProperty("action").GetString());
        Assert.Equal("success", call.GetProperty("outcome").GetString());
        Assert.Equal(FakeOpenAiServer.PromptTokens, call.GetProperty("inputTokens").GetInt64());
        Assert.Equal(FakeOpenAiServer.Cost, call.GetProperty("cost").GetDouble(), 9);
        Assert.Equal(1, call.GetProperty("promptVersion").GetInt32());
    }

    [Fact]
    public async Task Prose_twice_falls_back_to_the_built_in_coach_and_says_why()
    {
        fixture.Llm.Clear().Reply(FakeReply.Content("Sure! You should ride more."), FakeReply.Content("Honestly, just ride."));
        var parsed = await client.PostJsonAsync("/api/coach/rules/parse", new { text = "Max 5 hours a week." }, HttpStatusCode.OK);
        Assert.Equal("builtin", parsed.GetProperty("engine").GetString());
        Assert.Contains("llm", parsed.GetProperty("fallbackReason").GetString());
        Assert.Equal(5, parsed.GetProperty("rules").GetProperty("maxHoursPerWeek").GetDouble());
        var calls = await client.GetJsonAsync("/api/coach/ai-calls");
        Assert.Contains(calls.GetProperty("items").EnumerateArray(), c => c.GetProperty("outcome").GetString() == "invalid_output");
    }

    [Fact]
    public async Task Payment_required_falls_back_for_plans_and_the_stored_plan_is_the_built_in_one()
    {
        fixture.Llm.Clear().Reply(FakeReply.Status(402));
        var plan = await client.PostJsonAsync("/api/coach/plans/generate", new { startDate = CoachApi.ThisMonday() }, HttpStatusCode.Created);
        Assert.Equal("coach:builtin", plan.GetProperty("createdBy").GetString());
        var calls = await client.GetJsonAsync("/api/coach/ai-calls");
        Assert.Contains(calls.GetProperty("items").EnumerateArray(), c => c.GetProperty("outcome").GetString() == "payment_required" && c.GetProperty("action").GetString() == "plan_generation");
        var status = await client.GetJsonAsync("/api/coach/status");
        Assert.Equal("payment_required", status.GetProperty("lastFailureOutcome").GetString());
    }

    [Fact]
    public async Task A_plan_from_the_model_that_breaks_the_structure_is_refused_and_the_built_in_plan_stored_instead()
    {
        // A plan starting on a Wednesday with one day: structurally unusable, whatever the rules.
        var broken = """{"startDate":"2026-12-02","focus":"x","weeks":[{"weekNumber":1,"focus":"x","days":[{"date":"2026-12-02","workouts":[]}]}],"notes":null}""";
        fixture.Llm.Clear().Reply(FakeReply.Content(broken), FakeReply.Content(broken));
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM plans");
        var plan = await client.PostJsonAsync("/api/coach/plans/generate", new { startDate = CoachApi.ThisMonday() }, HttpStatusCode.Created);
        Assert.Equal("coach:builtin", plan.GetProperty("createdBy").GetString());
        Assert.Equal(before + 1, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM plans"));
        Assert.Equal(4, plan.GetProperty("plan").GetProperty("weeks").GetArrayLength());
    }

    [Fact]
    public async Task A_second_generate_while_one_runs_is_409_and_nothing_is_stored_twice()
    {
        fixture.Llm.Clear().Reply(FakeReply.Hang()); // the model never answers within the attempt timeout
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM plans");
        var asked = fixture.Llm.ChatRequests.Count;
        var first = client.PostAsJsonAsync("/api/coach/plans/generate", new { startDate = CoachApi.ThisMonday() });
        await Eventually.WaitAsync(() => Task.FromResult(fixture.Llm.ChatRequests.Count), n => n > asked, TimeSpan.FromSeconds(30));
        var conflict = await client.PostJsonAsync("/api/coach/plans/generate", new { startDate = CoachApi.ThisMonday() }, HttpStatusCode.Conflict);
        Assert.Equal("urn:cyclingcoach:problem:conflict", conflict.GetProperty("type").GetString());

        using var response = await first; // after the timeout the built-in coach answers
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(before + 1, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM plans"));
    }
}
