using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CyclingCoach.Testing;

namespace CyclingCoach.Sync.Tests;

[Collection(SyncCollection.Name)]
public sealed class ManualWorkoutTests(SyncFixture fixture)
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Creating_a_manual_workout_stores_it_and_publishes_WorkoutImported_through_the_outbox()
    {
        var response = await client.PostAsJsonAsync("/api/workouts/manual", new
        {
            name = "Tempo loop",
            startTime = "2026-11-01T08:15:00+01:00",
            durationSeconds = 5400,
            distanceMeters = 45000.5,
            averagePower = 210,
            averageHeartRate = 142,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/workouts/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("manual", created.GetProperty("source").GetString());
        Assert.Equal("2026-11-01T08:15:00+01:00", created.GetProperty("startTime").GetString());
        Assert.Equal(45000.5, created.GetProperty("distanceMeters").GetDouble());

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}");
        Assert.Equal("Tempo loop", fetched.GetProperty("name").GetString());
        Assert.Equal(142, fetched.GetProperty("averageHeartRate").GetDouble());

        // The event row was written with the workout and the relay published it to the real broker.
        var published = await Eventually.WaitAsync(
            () => fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE published_at IS NOT NULL AND payload->>'workoutId' = '{id}'"),
            count => count == 1,
            TimeSpan.FromSeconds(15));
        Assert.Equal(1, published);
    }

    /// <summary>
    /// The estimate is 100 · hours · IF² with IF from the RPE table (README: RPE 7 → 0.85), else 0.65: 90 min at RPE 7
    /// is 100 · 1.5 · 0.85² = 108.375; without RPE 100 · 1.5 · 0.65² = 63.375.
    /// </summary>
    [Theory]
    [InlineData(7, 108.375)]
    [InlineData(null, 63.375)]
    public async Task A_manual_ride_gets_a_training_load_estimate_from_its_duration_and_RPE(int? rpe, double expected)
    {
        var response = await client.PostAsJsonAsync("/api/workouts/manual", new
        {
            name = "Club ride",
            startTime = "2026-10-11T09:00:00+02:00",
            durationSeconds = 5400,
            distanceMeters = 40000,
            rpe,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/workouts/{id}");
        Assert.Equal(expected, fetched.GetProperty("trainingLoad").GetDouble(), 9);
        Assert.Equal("estimate", fetched.GetProperty("trainingLoadSource").GetString());
        if (rpe is { } r)
        {
            Assert.Equal(r, fetched.GetProperty("rpe").GetInt32());
        }

        var payload = await fixture.Database.ScalarAsync<string>($"SELECT payload::text FROM outbox_messages WHERE payload->>'workoutId' = '{id}' AND message_type LIKE 'CyclingCoach.Contracts.WorkoutImported%'");
        var metrics = JsonDocument.Parse(payload).RootElement.GetProperty("metrics");
        Assert.Equal(expected, metrics.GetProperty("trainingLoad").GetDouble(), 9);
        Assert.Equal("estimate", metrics.GetProperty("trainingLoadSource").GetString());
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("trainingStressScore").ValueKind);
    }

    [Fact]
    public async Task Unknown_workout_is_404_problem_details()
    {
        var response = await client.GetAsync($"/api/workouts/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":"an hour","distanceMeters":1000}""", "durationSeconds" },
        { """{"name":"x","startTime":"yesterday","durationSeconds":60,"distanceMeters":1000}""", "startTime" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":60,"distanceMeters":1000,"averagePower":true}""", "averagePower" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":60,"distanceMeters":1000""", "body" },
        { """not json at all""", "body" },
        { """{"startTime":"2026-11-01T08:00:00Z","durationSeconds":60,"distanceMeters":1000}""", "name" },
        { """{"name":"   ","startTime":"2026-11-01T08:00:00Z","durationSeconds":60,"distanceMeters":1000}""", "name" },
        { """{"name":"x","durationSeconds":60,"distanceMeters":1000}""", "startTime" },
        { """{"name":"x","startTime":"2099-01-01T08:00:00Z","durationSeconds":60,"distanceMeters":1000}""", "startTime" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":-5,"distanceMeters":1000}""", "durationSeconds" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":0,"distanceMeters":1000}""", "durationSeconds" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":60}""", "distanceMeters" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":60,"distanceMeters":-1}""", "distanceMeters" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":60,"distanceMeters":1000,"averagePower":9000}""", "averagePower" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":60,"distanceMeters":1000,"averageHeartRate":400}""", "averageHeartRate" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":60,"distanceMeters":1000,"rpe":11}""", "rpe" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":60,"distanceMeters":1000,"rpe":0}""", "rpe" },
        { """{"name":"x","startTime":"2026-11-01T08:00:00Z","durationSeconds":60,"distanceMeters":1000,"rpe":6.5}""", "rpe" },
        { "{\"name\":\"" + new string('a', 201) + "\",\"startTime\":\"2026-11-01T08:00:00Z\",\"durationSeconds\":60,\"distanceMeters\":1000}", "name" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_problem_naming_the_field_and_stores_nothing(string body, string field)
    {
        var workoutsBefore = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM workouts");
        var eventsBefore = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages");

        var response = await client.PostAsync("/api/workouts/manual", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("urn:cyclingcoach:problem:", problem.GetProperty("type").GetString());
        Assert.Equal(32, problem.GetProperty("traceId").GetString()!.Length);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");

        Assert.Equal(workoutsBefore, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM workouts"));
        Assert.Equal(eventsBefore, await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await client.PostAsync("/api/workouts/manual", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
