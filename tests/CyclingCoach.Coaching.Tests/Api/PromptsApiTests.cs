using System.Net;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests.Api;

public sealed class PromptsApiTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Defaults_are_seeded_new_versions_replace_the_active_one_and_rollback_works()
    {
        var seeded = await Eventually.WaitAsync(
            () => client.GetJsonAsync("/api/coach/prompts?model=default&pageSize=200"),
            p => p.GetProperty("total").GetInt32() >= 5,
            TimeSpan.FromSeconds(30));
        var actions = seeded.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("action").GetString()).ToHashSet();
        Assert.Equal(["chat", "plan_evolution", "plan_generation", "rule_parsing", "workout_analysis"], actions.Order().ToList());

        var v1 = seeded.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("action").GetString() == "rule_parsing" && p.GetProperty("version").GetInt32() == 1);
        var v2 = await client.PostJsonAsync("/api/coach/prompts",
            new { action = "rule_parsing", template = "Parse {{rules_text}} as of {{today}}. Literal JSON {\"weeks\": 4} stays." }, HttpStatusCode.Created);
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal(v1.GetProperty("id").GetGuid(), v2.GetProperty("parentId").GetGuid());
        Assert.True(v2.GetProperty("isActive").GetBoolean());
        Assert.False((await client.GetJsonAsync($"/api/coach/prompts/{v1.GetProperty("id")}")).GetProperty("isActive").GetBoolean());

        var rolledBack = await client.PostJsonAsync($"/api/coach/prompts/{v1.GetProperty("id")}/activate", null, HttpStatusCode.OK);
        Assert.True(rolledBack.GetProperty("isActive").GetBoolean());
        Assert.False((await client.GetJsonAsync($"/api/coach/prompts/{v2.GetProperty("id")}")).GetProperty("isActive").GetBoolean());
        var active = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM prompts WHERE action = 'RuleParsing' AND model = 'default' AND is_active");
        Assert.Equal(1, active);
    }

    [Fact]
    public async Task Unknown_placeholders_and_bad_prompts_are_refused()
    {
        await Eventually.WaitAsync(() => fixture.Database.ScalarAsync<long>("SELECT count(*) FROM prompts WHERE created_by = 'seed'"), n => n >= 5, TimeSpan.FromSeconds(30));
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM prompts");
        var unknown = await client.PostJsonAsync("/api/coach/prompts", new { action = "plan_generation", template = "Plan for {{rules_json}} and {{bank_password}}" }, HttpStatusCode.BadRequest);
        Assert.Contains("bank_password", unknown.GetProperty("errors").GetProperty("template")[0].GetString());
        await client.PostJsonAsync("/api/coach/prompts", new { action = "poetry", template = "x" }, HttpStatusCode.BadRequest);
        await client.PostJsonAsync("/api/coach/prompts", new { action = "chat", template = "" }, HttpStatusCode.BadRequest);
        await client.PostJsonAsync($"/api/coach/prompts/{Guid.NewGuid()}/activate", null, HttpStatusCode.NotFound);
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM prompts"));

        var placeholders = await client.GetJsonAsync("/api/coach/prompts/placeholders");
        var chat = placeholders.EnumerateArray().Single(p => p.GetProperty("action").GetString() == "chat");
        Assert.Contains(chat.GetProperty("placeholders").EnumerateArray(), p => p.GetString() == "today");
    }

    [Fact]
    public async Task Without_a_key_the_built_in_coach_is_active_and_says_why()
    {
        var status = await client.GetJsonAsync("/api/coach/status");
        Assert.Equal("builtin", status.GetProperty("engine").GetString());
        Assert.Equal("no OpenRouter:ApiKey", status.GetProperty("reason").GetString());
        var calls = await client.GetJsonAsync("/api/coach/ai-calls");
        Assert.Equal(0, calls.GetProperty("total").GetInt32());
    }
}
