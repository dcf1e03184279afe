using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CyclingCoach.Routes.Tests;

[Collection(RoutesCollection.Name)]
public sealed class PacingApiTests(RoutesFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    private async Task<Guid> UploadAsync(byte[] gpx)
    {
        using var response = await Gpx.UploadAsync(client, gpx);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_steep_climb_gets_a_pacing_plan_with_splits_adding_up_and_a_gearing_warning()
    {
        // 2 km flat, 2 km at 11 %, 2 km flat, for the default rider (50/34 × 11–34, 70 rpm minimum).
        var id = await UploadAsync(Gpx.Road(flatMeters: 2000, climbMeters: 2000, gradePercent: 11));
        // RouteAnalyzed carries the course's one climb for Coaching, with the power the rider needs there.
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages, jsonb_array_elements(payload->'climbs') c WHERE payload->>'routeId' = '{id}' " +
            "AND (c->>'averageGradePercent')::float BETWEEN 10 AND 11.5 AND (c->>'powerWatts')::float > 150 AND (payload->>'ftpWatts')::float = 250"));
        var pacing = await client.GetFromJsonAsync<JsonElement>($"/api/routes/{id}/pacing");
        var sections = pacing.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(pacing.GetProperty("finishSeconds").GetDouble(), sections[^1].GetProperty("splitSeconds").GetDouble(), 0);
        Assert.Equal(pacing.GetProperty("finishSeconds").GetDouble(), sections.Sum(s => s.GetProperty("seconds").GetDouble()), 0);
        Assert.True(pacing.GetProperty("normalizedPowerWatts").GetDouble() <= pacing.GetProperty("budgetNormalizedPowerWatts").GetDouble() + 0.1);

        var climb = sections.Single(s => s.GetProperty("kind").GetString() == "climb");
        Assert.True(climb.GetProperty("targetPowerWatts").GetDouble() > sections[0].GetProperty("targetPowerWatts").GetDouble());
        var check = Assert.Single(pacing.GetProperty("gearing").EnumerateArray());
        Assert.True(check.GetProperty("cadenceRpm").GetDouble() < 70);
        Assert.StartsWith("34×34 gives ", check.GetProperty("warning").GetString());
        Assert.Contains(" on the 11 % ramp at km ", check.GetProperty("warning").GetString());

        var whatIf = pacing.GetProperty("whatIf").EnumerateArray().ToList();
        Assert.Equal(["1 kg lighter", "10 W more FTP"], whatIf.Select(w => w.GetProperty("change").GetString()!).ToArray());
        Assert.All(whatIf, w => Assert.True(w.GetProperty("savesSeconds").GetDouble() > 0));

        // A lower minimum cadence: no warning. More FTP: a faster finish, and the override is said.
        var relaxed = await client.GetFromJsonAsync<JsonElement>($"/api/routes/{id}/pacing?minCadenceRpm=50&ftpWatts=300");
        Assert.True(relaxed.GetProperty("overridden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, relaxed.GetProperty("gearing")[0].GetProperty("warning").ValueKind);
        Assert.True(relaxed.GetProperty("finishSeconds").GetDouble() < pacing.GetProperty("finishSeconds").GetDouble());
    }

    [Fact]
    public async Task A_gentle_climb_has_no_gearing_warning()
    {
        var id = await UploadAsync(Gpx.Road(flatMeters: 1000, climbMeters: 3000, gradePercent: 4));
        var pacing = await client.GetFromJsonAsync<JsonElement>($"/api/routes/{id}/pacing");
        var check = Assert.Single(pacing.GetProperty("gearing").EnumerateArray());
        Assert.True(check.GetProperty("cadenceRpm").GetDouble() >= 70);
        Assert.Equal(JsonValueKind.Null, check.GetProperty("warning").ValueKind);
    }

    [Theory]
    [InlineData("ftpWatts=0", "ftpWatts")]
    [InlineData("weightKg=500", "weightKg")]
    [InlineData("minCadenceRpm=-1", "minCadenceRpm")]
    public async Task Out_of_range_overrides_are_a_400_problem_naming_the_parameter(string query, string field)
    {
        var response = await client.GetAsync($"/api/routes/{Guid.NewGuid()}/pacing?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Unknown_route_is_404()
    {
        var response = await client.GetAsync($"/api/routes/{Guid.NewGuid()}/pacing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
