using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Coaching.Tests.Ai;

namespace CyclingCoach.Coaching.Tests.Api;

internal static class ChatStream
{
    /// <summary>Posts a question and reads the whole server-sent event stream as (event, data) pairs.</summary>
    public static async Task<List<(string Event, JsonElement Data)>> AskAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/coach/chat", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<(string, JsonElement)>();
        foreach (var frame in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = frame.Split('\n');
            var type = lines.Single(l => l.StartsWith("event: ", StringComparison.Ordinal))[7..];
            var data = string.Concat(lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l[6..]));
            events.Add((type, JsonDocument.Parse(data).RootElement.Clone()));
        }

        return events;
    }

    public static string Text(IEnumerable<(string Event, JsonElement Data)> events) =>
        string.Concat(events.Where(e => e.Event == "delta").Select(e => e.Data.GetProperty("text").GetString()));
}

public sealed class ChatApiTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task The_built_in_coach_answers_common_questions_and_the_conversation_is_kept()
    {
        var first = await ChatStream.AskAsync(client, new { message = "How is my form today?" });
        Assert.Equal(["conversation", "delta", "done"], first.Select(e => e.Event));
        var conversationId = first[0].Data.GetProperty("conversationId").GetGuid();
        Assert.Contains("TSB", ChatStream.Text(first));
        Assert.Equal("builtin", first[^1].Data.GetProperty("engine").GetString());

        var second = await ChatStream.AskAsync(client, new { conversationId, message = "Tell me a joke" });
        Assert.Equal(conversationId, second[0].Data.GetProperty("conversationId").GetGuid());
        Assert.Contains("this week's planned and done load", ChatStream.Text(second));

        var stored = await client.GetJsonAsync($"/api/coach/conversations/{conversationId}");
        var messages = stored.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("How is my form today?", messages[0].GetProperty("content").GetString());
        Assert.Equal(ChatStream.Text(first), messages[1].GetProperty("content").GetString());
        var list = await client.GetJsonAsync("/api/coach/conversations");
        Assert.Equal(conversationId, list.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Bad_questions_are_refused_before_anything_is_stored()
    {
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM conversation_messages");
        await client.PostJsonAsync("/api/coach/chat", new { message = " " }, HttpStatusCode.BadRequest);
        await client.PostJsonAsync("/api/coach/chat", new { message = new string('x', 4001) }, HttpStatusCode.BadRequest);
        await client.PostJsonAsync("/api/coach/chat", new { conversationId = Guid.NewGuid(), message = "hi" }, HttpStatusCode.NotFound);
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM conversation_messages"));
    }
}

/// <summary>With an LLM: tools read the rider's data and a proposal becomes a pending suggestion approved like an analysis's.</summary>
public sealed class LlmChatTests(LlmCoachingFixture fixture) : IClassFixture<LlmCoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    private static string Chunk(string delta, string? finishReason) =>
        $$"""data: {"id":"gen-c1","object":"chat.completion.chunk","created":1,"model":"{{FakeOpenAiServer.ServedModel}}","choices":[{"index":0,"delta":{{delta}},"finish_reason":{{finishReason ?? "null"}}}]}""" + "\n\n";

    [Fact]
    public async Task A_proposal_from_the_chat_waits_for_approval_and_approving_makes_a_chat_version()
    {
        fixture.Llm.Clear().Reply(FakeReply.Status(402)); // the plan itself comes from the built-in coach
        var plan = await client.PostJsonAsync("/api/coach/plans/generate", new { startDate = CoachApi.ThisMonday().AddDays(7) }, HttpStatusCode.Created);
        var day = plan.GetProperty("plan").GetProperty("weeks")[0].GetProperty("days").EnumerateArray()
            .First(d => d.GetProperty("workouts").GetArrayLength() > 0).GetProperty("date").GetString();

        var arguments = JsonSerializer.Serialize(JsonSerializer.Serialize(new { operations = new[] { new { kind = "add_rest", date = day } }, reason = "TSB is −28: rest." }));
        fixture.Llm.Clear().Reply(
            FakeReply.Stream(
                Chunk($$$"""{"role":"assistant","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"propose_plan_changes","arguments":{{{arguments}}}}}]}""", "\"tool_calls\""),
                "data: [DONE]\n\n"),
            FakeReply.Stream(
                Chunk("""{"role":"assistant","content":"I proposed a rest day."}""", "\"stop\""),
                "data: [DONE]\n\n"));
        var events = await ChatStream.AskAsync(client, new { message = "I'm wrecked, change my plan" });
        Assert.Equal("I proposed a rest day.", ChatStream.Text(events));
        Assert.Equal("llm", events[^1].Data.GetProperty("engine").GetString());
        var proposalId = events.Single(e => e.Event == "proposal").Data.GetProperty("analysisId").GetGuid();

        // The chat changed no plan; the proposal waits.
        Assert.Equal(plan.GetProperty("id").GetGuid(), (await client.GetJsonAsync("/api/coach/plans/current")).GetProperty("id").GetGuid());
        var proposal = await client.GetJsonAsync($"/api/coach/analyses/{proposalId}");
        Assert.Equal("chat_proposal", proposal.GetProperty("type").GetString());
        Assert.Equal("add_rest", proposal.GetProperty("suggestions")[0].GetProperty("operation").GetProperty("kind").GetString());

        var approved = await client.PostJsonAsync($"/api/coach/analyses/{proposalId}/approve", null, HttpStatusCode.OK);
        var current = await client.GetJsonAsync("/api/coach/plans/current");
        Assert.Equal(approved.GetProperty("newPlanId").GetGuid(), current.GetProperty("id").GetGuid());
        Assert.Equal("chat", current.GetProperty("origin").GetString());
        var restDay = current.GetProperty("plan").GetProperty("weeks")[0].GetProperty("days").EnumerateArray().Single(d => d.GetProperty("date").GetString() == day);
        Assert.Equal(0, restDay.GetProperty("workouts").GetArrayLength());

        // The tool list the model saw: read tools and the proposal tool.
        var tools = fixture.Llm.ChatRequests[^2].Body!["tools"]!.AsArray().Select(t => (string?)t!["function"]!["name"]).ToList();
        Assert.Contains("get_plan", tools);
        Assert.Contains("propose_plan_changes", tools);
    }

    [Fact]
    public async Task When_the_LLM_fails_before_answering_the_built_in_coach_answers()
    {
        fixture.Llm.Clear().Reply(FakeReply.Status(500), FakeReply.Status(500), FakeReply.Status(500));
        var events = await ChatStream.AskAsync(client, new { message = "How is my form?" });
        Assert.Equal("builtin", events[^1].Data.GetProperty("engine").GetString());
        Assert.Contains("TSB", ChatStream.Text(events));
    }
}
