using System.Net;

namespace CyclingCoach.Coaching.Tests.Api;

public sealed class RulesApiTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Parse_returns_structured_rules_and_what_it_did_not_understand_without_saving()
    {
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM rule_sets");
        var parsed = await client.PostJsonAsync("/api/coach/rules/parse",
            new { text = "I can ride Tuesday, Thursday, Saturday and Sunday. Max 8 hours a week. My cat prefers tuna." }, HttpStatusCode.OK);
        Assert.Equal("builtin", parsed.GetProperty("engine").GetString());
        var rules = parsed.GetProperty("rules");
        Assert.Equal(["tuesday", "thursday", "saturday", "sunday"], rules.GetProperty("availableDays").EnumerateArray().Select(d => d.GetString()!).ToList());
        Assert.Equal(8, rules.GetProperty("maxHoursPerWeek").GetDouble());
        Assert.Contains(parsed.GetProperty("notUnderstood").EnumerateArray(), p => p.GetString()!.Contains("tuna"));
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM rule_sets"));
    }

    [Fact]
    public async Task Saving_makes_versions_with_parents_one_active_and_a_diff()
    {
        var v1 = await client.PostJsonAsync("/api/coach/rules", new { text = "Max 6 hours a week. Rest on Mondays." }, HttpStatusCode.Created);
        var v2 = await client.PostJsonAsync("/api/coach/rules", new { text = "Max 9 hours a week. Rest on Mondays. Long ride on Saturday up to 4 hours." }, HttpStatusCode.Created);
        Assert.Equal(v1.GetProperty("version").GetInt32() + 1, v2.GetProperty("version").GetInt32());
        Assert.Equal(v1.GetProperty("id").GetGuid(), v2.GetProperty("parentId").GetGuid());
        Assert.Equal("Max 6 hours a week. Rest on Mondays.", v1.GetProperty("text").GetString());
        Assert.Equal("coach:builtin", v2.GetProperty("createdBy").GetString());

        var active = await client.GetJsonAsync("/api/coach/rules/active");
        Assert.Equal(v2.GetProperty("id").GetGuid(), active.GetProperty("id").GetGuid());
        var old = await client.GetJsonAsync($"/api/coach/rules/{v1.GetProperty("id").GetGuid()}");
        Assert.False(old.GetProperty("isActive").GetBoolean());

        var diff = await client.GetJsonAsync($"/api/coach/rules/diff?from={v1.GetProperty("id")}&to={v2.GetProperty("id")}");
        var fields = diff.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ToList();
        Assert.Contains("maxHoursPerWeek", fields);
        Assert.Contains("longRideDay", fields);
        Assert.DoesNotContain("restDays", fields);

        var versions = await client.GetJsonAsync("/api/coach/rules/versions?pageSize=1");
        Assert.Equal(1, versions.GetProperty("items").GetArrayLength());
        Assert.True(versions.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(v2.GetProperty("id").GetGuid(), versions.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Saving_the_words_again_keeps_the_route_attached_to_an_event_still_there()
    {
        var routeId = Guid.NewGuid();
        const string text = "Max 8 hours a week. Target event: Granfondo Stelvio on 2027-06-20.";
        var parsed = await client.PostJsonAsync("/api/coach/rules/parse", new { text }, HttpStatusCode.OK);
        var rules = System.Text.Json.Nodes.JsonNode.Parse(parsed.GetProperty("rules").GetRawText())!;
        rules["events"]![0]!["routeId"] = routeId.ToString();
        await client.PostJsonAsync("/api/coach/rules", new { text, rules }, HttpStatusCode.Created);

        // The words edited (another cap), the event still there: previewed and saved from text, it keeps its route.
        const string edited = "Max 9 hours a week. Target event: Granfondo Stelvio on 2027-06-20.";
        var preview = await client.PostJsonAsync("/api/coach/rules/parse", new { text = edited }, HttpStatusCode.OK);
        Assert.Equal(routeId, preview.GetProperty("rules").GetProperty("events")[0].GetProperty("routeId").GetGuid());
        var saved = await client.PostJsonAsync("/api/coach/rules", new { text = edited }, HttpStatusCode.Created);
        Assert.Equal(9, saved.GetProperty("rules").GetProperty("maxHoursPerWeek").GetDouble());
        Assert.Equal(routeId, saved.GetProperty("rules").GetProperty("events")[0].GetProperty("routeId").GetGuid());

        // An event that is gone takes its route with it; a new one has none.
        var other = await client.PostJsonAsync("/api/coach/rules", new { text = "Max 9 hours a week. Target event: Marmotte on 2027-07-04." }, HttpStatusCode.Created);
        Assert.False(other.GetProperty("rules").GetProperty("events")[0].TryGetProperty("routeId", out _));
    }

    [Fact]
    public async Task Rules_given_by_the_rider_are_checked_and_bad_input_stores_nothing()
    {
        var before = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM rule_sets");
        var empty = await client.PostJsonAsync("/api/coach/rules", new { text = "  " }, HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("text", out _));
        var bad = await client.PostJsonAsync("/api/coach/rules",
            new { text = "custom", rules = new { maxHoursPerWeek = 80, restDays = Array.Empty<string>(), dayCaps = Array.Empty<object>(), blackoutDates = Array.Empty<object>() } },
            HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("rules.maxHoursPerWeek", out _), bad.ToString());
        await client.SendAsync(HttpMethod.Post, "/api/coach/rules", """{"text": "x", "rules": {"restDays": ["funday"]}}""", HttpStatusCode.BadRequest);
        await client.PostJsonAsync("/api/coach/rules/parse", new { text = new string('a', 10_001) }, HttpStatusCode.BadRequest);
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM rule_sets"));

        await client.GetJsonAsync($"/api/coach/rules/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await client.GetJsonAsync($"/api/coach/rules/diff?from={Guid.NewGuid()}", HttpStatusCode.BadRequest);
    }
}
