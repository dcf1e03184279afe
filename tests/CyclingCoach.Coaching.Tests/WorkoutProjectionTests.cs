using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;
using MassTransit;

namespace CyclingCoach.Coaching.Tests;

[Collection(CoachingCollection.Name)]
public sealed class WorkoutProjectionTests(CoachingFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HttpClient client = fixture.Client;

    private static WorkoutImported Imported(Guid workoutId, string name) => new(
        workoutId,
        WorkoutSource.Garmin,
        "garmin-123",
        name,
        "cycling",
        new DateTimeOffset(2026, 10, 3, 7, 30, 0, TimeSpan.FromHours(2)),
        5400,
        45000.5,
        210,
        142,
        new WorkoutMetrics(225, 0.9, 121.5, null, 1134, 640, 250, 165));

    private async Task PublishAsync<T>(T message, Guid messageId) where T : class =>
        await fixture.Publisher.Publish(message, context => context.MessageId = messageId);

    private Task<HttpResponseMessage> WaitForWorkoutAsync(Guid workoutId, HttpStatusCode status) =>
        Eventually.WaitAsync(() => client.GetAsync($"/api/coach/workouts/{workoutId}"), response => response.StatusCode == status, Timeout);

    private async Task<int> WaitForConsumedAsync(Guid messageId, int deliveries)
    {
        var consumed = await Eventually.WaitAsync(
            () => Task.FromResult(fixture.Consumed.Completed(messageId)),
            count => count >= deliveries || fixture.Consumed.Fault(messageId) is not null,
            Timeout);
        Assert.Null(fixture.Consumed.Fault(messageId));
        return consumed;
    }

    private Task<long> CountAsync(string sql) => fixture.Database.ScalarAsync<long>(sql);

    [Fact]
    public async Task A_published_WorkoutImported_is_listed_and_readable_by_id()
    {
        var workoutId = Guid.NewGuid();
        await PublishAsync(Imported(workoutId, "Sunday long ride"), Guid.NewGuid());

        var response = await WaitForWorkoutAsync(workoutId, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var workout = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(workoutId, workout.GetProperty("workoutId").GetGuid());
        Assert.Equal("Sunday long ride", workout.GetProperty("name").GetString());
        Assert.Equal("garmin", workout.GetProperty("source").GetString());
        Assert.Equal("2026-10-03T07:30:00+02:00", workout.GetProperty("startTime").GetString());
        Assert.Equal(5400, workout.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(45000.5, workout.GetProperty("distanceMeters").GetDouble());
        Assert.Equal(210, workout.GetProperty("averagePower").GetDouble());
        Assert.Equal(142, workout.GetProperty("averageHeartRate").GetDouble());
        Assert.Equal(121.5, workout.GetProperty("trainingStressScore").GetDouble());

        var page = await client.GetFromJsonAsync<JsonElement>("/api/coach/workouts?page=1&pageSize=200");
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(200, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        var listed = page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("workoutId").GetGuid() == workoutId).ToList();
        Assert.Single(listed);
        Assert.Equal("Sunday long ride", listed[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_same_MessageId_delivered_twice_is_projected_once_and_recorded_once()
    {
        var workoutId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await PublishAsync(Imported(workoutId, "First delivery"), messageId);
        Assert.Equal(1, await WaitForConsumedAsync(messageId, deliveries: 1));

        // The outbox relay re-sends with the same MessageId after a crash between publish and commit.
        await PublishAsync(Imported(workoutId, "Redelivery must not apply"), messageId);
        Assert.Equal(2, await WaitForConsumedAsync(messageId, deliveries: 2));

        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM workouts WHERE workout_id = '{workoutId}'"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM processed_messages WHERE message_id = '{messageId}'"));
        var workout = await client.GetFromJsonAsync<JsonElement>($"/api/coach/workouts/{workoutId}");
        Assert.Equal("First delivery", workout.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_burst_of_the_same_MessageId_still_leaves_one_row_and_one_record()
    {
        var workoutId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        await Task.WhenAll(Enumerable.Range(1, 5).Select(i => PublishAsync(Imported(workoutId, $"Copy {i}"), messageId)));

        // Concurrent copies may collide on the keys and be retried; every copy must end up consumed.
        var consumed = await Eventually.WaitAsync(() => Task.FromResult(fixture.Consumed.Completed(messageId)), count => count >= 5, Timeout);
        Assert.True(consumed == 5, $"{consumed} of 5 copies consumed; last fault: {fixture.Consumed.Fault(messageId)}");

        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM workouts WHERE workout_id = '{workoutId}'"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM processed_messages WHERE message_id = '{messageId}'"));
    }

    [Fact]
    public async Task A_reimport_with_a_new_MessageId_updates_the_one_projection_row()
    {
        var workoutId = Guid.NewGuid();
        var firstMessage = Guid.NewGuid();
        var secondMessage = Guid.NewGuid();
        await PublishAsync(Imported(workoutId, "Before rename"), firstMessage);
        var first = await WaitForWorkoutAsync(workoutId, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        await PublishAsync(Imported(workoutId, "After rename") with { DistanceMeters = 46000 }, secondMessage);
        Assert.Equal(1, await WaitForConsumedAsync(secondMessage, deliveries: 1));

        var workout = await client.GetFromJsonAsync<JsonElement>($"/api/coach/workouts/{workoutId}");
        Assert.Equal("After rename", workout.GetProperty("name").GetString());
        Assert.Equal(46000, workout.GetProperty("distanceMeters").GetDouble());
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM workouts WHERE workout_id = '{workoutId}'"));
        Assert.Equal(2, await CountAsync($"SELECT count(*) FROM processed_messages WHERE message_id IN ('{firstMessage}', '{secondMessage}')"));
    }

    [Fact]
    public async Task WorkoutDeleted_removes_the_projection()
    {
        var workoutId = Guid.NewGuid();
        await PublishAsync(Imported(workoutId, "To be deleted"), Guid.NewGuid());
        var created = await WaitForWorkoutAsync(workoutId, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var deleteMessage = Guid.NewGuid();
        await PublishAsync(new WorkoutDeleted(workoutId), deleteMessage);

        var gone = await WaitForWorkoutAsync(workoutId, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM workouts WHERE workout_id = '{workoutId}'"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM processed_messages WHERE message_id = '{deleteMessage}'"));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/coach/workouts?pageSize=200");
        Assert.DoesNotContain(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("workoutId").GetGuid() == workoutId);
    }

    [Fact]
    public async Task The_list_is_newest_first_and_pages()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var starts = new[] { 5, 9, 7 }.Select(day => new DateTimeOffset(2021, 6, day, 8, 0, 0, TimeSpan.Zero)).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            await PublishAsync(Imported(ids[i], $"Ride {i}") with { StartTime = starts[i] }, Guid.NewGuid());
        }

        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.OK, (await WaitForWorkoutAsync(id, HttpStatusCode.OK)).StatusCode);
        }

        var page = await client.GetFromJsonAsync<JsonElement>("/api/coach/workouts?pageSize=200");
        var total = page.GetProperty("total").GetInt32();
        var order = page.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("workoutId").GetGuid()).Where(ids.Contains).ToArray();
        Assert.Equal([ids[1], ids[2], ids[0]], order);
        var startTimes = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("startTime").GetDateTimeOffset()).ToArray();
        Assert.Equal(startTimes.OrderByDescending(t => t).ToArray(), startTimes);

        var small = await client.GetFromJsonAsync<JsonElement>("/api/coach/workouts?page=2&pageSize=1");
        Assert.Equal(2, small.GetProperty("page").GetInt32());
        Assert.Equal(1, small.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, small.GetProperty("items").GetArrayLength());
        Assert.True(small.GetProperty("total").GetInt32() >= total);
    }

    [Fact]
    public async Task Unknown_workout_is_404_problem_details()
    {
        var response = await client.GetAsync($"/api/coach/workouts/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:cyclingcoach:problem:not-found", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("/api/coach/workouts?pageSize=0", "pageSize")]
    [InlineData("/api/coach/workouts?pageSize=201", "pageSize")]
    [InlineData("/api/coach/workouts?page=0", "page")]
    public async Task Out_of_range_paging_is_a_400_problem_naming_the_parameter(string url, string field)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:cyclingcoach:problem:validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
    }

    [Fact]
    public async Task Health_reports_database_and_bus_healthy()
    {
        var health = await fixture.ReadHealthAsync();
        var checks = health.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("coachingdb").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("masstransit-bus").GetProperty("status").GetString());
    }
}
