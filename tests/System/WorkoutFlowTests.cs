using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CyclingCoach.Testing;

namespace CyclingCoach.SystemTests;

[Collection(Stack.Collection)]
public sealed class WorkoutFlowTests
{
    // A wait for correctness on a loaded machine, not a speed target: the latency is measured in bench/ (RESULTS.md).
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_manual_workout_reaches_coaching_and_the_event_stream_in_one_trace()
    {
        using var client = Stack.Client(Stack.ApiKey);
        await using var events = await EventStream.OpenAsync();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var traceParent = $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

        var started = Stopwatch.StartNew();
        var workout = await Stack.CreateWorkoutAsync(client, "System test ride", DateTimeOffset.UtcNow.AddHours(-2), traceParent);
        var id = workout.GetProperty("id").GetString()!;

        Assert.True(await events.WaitForAsync("workout-imported", id, Budget), $"no workout-imported event for {id}: {string.Join(" | ", events.Received)}");
        var projected = await Eventually.WaitAsync(
            async () => (int)(await client.GetAsync($"/api/coach/workouts/{id}")).StatusCode,
            status => status == 200,
            Budget - started.Elapsed);
        Assert.Equal(200, projected);

        // The trace started by the caller shows up in every process it crossed: HTTP into the gateway and sync,
        // then the bus (outbox relay → RabbitMQ) into coaching and back to the gateway's event relay.
        foreach (var service in new[] { "gateway", "sync", "coaching" })
        {
            var found = await Eventually.WaitAsync(async () => (await Stack.LogOfAsync(service)).Contains($"trace={traceId}"), f => f, TimeSpan.FromSeconds(30));
            Assert.True(found, $"trace {traceId} not in the log of {service}");
        }
    }

    [Fact]
    public async Task Killing_coaching_while_events_are_published_loses_none_and_duplicates_none()
    {
        using var client = Stack.Client(Stack.ApiKey);
        var tag = $"kill-{Guid.NewGuid():N}"[..13];
        var created = new List<string>();
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        try
        {
            for (var i = 0; i < 40; i++)
            {
                if (i == 10)
                {
                    await Stack.CoachAsync("kill", "coaching");
                }

                var workout = await Stack.CreateWorkoutAsync(client, $"{tag} #{i}", start.AddMinutes(i));
                created.Add(workout.GetProperty("id").GetString()!);
            }
        }
        finally
        {
            await Stack.CoachAsync("start", "coaching");
        }

        var mine = await Eventually.WaitAsync(
            async () => (await Stack.AllItemsAsync(client, "/api/coach/workouts"))
                .Where(w => w.GetProperty("name").GetString()!.StartsWith(tag, StringComparison.Ordinal))
                .Select(w => w.GetProperty("workoutId").GetString()!)
                .ToList(),
            ids => ids.Count >= created.Count,
            TimeSpan.FromSeconds(30));

        Assert.Equal(created.Count, mine.Count);
        Assert.Equal(created.Order(), mine.Order());
        Assert.Equal(mine.Count, mine.Distinct().Count());
    }
}
