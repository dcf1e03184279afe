using System.Net;
using CyclingCoach.Contracts;
using CyclingCoach.Gateway.Events;
using CyclingCoach.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CyclingCoach.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class EventsTests(GatewayFixture fixture)
{
    private static async Task<(string? Type, string Data)> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? type = null;
        var data = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (type is not null || data.Count > 0)
                {
                    return (type, string.Join('\n', data));
                }

                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                type = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line["data:".Length..].TrimStart());
            }
        }
    }

    [Fact]
    public async Task A_WorkoutImported_on_the_bus_reaches_an_open_event_stream()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Add("X-Api-Key", fixture.ApiKey);
        using var response = await fixture.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var reader = new StreamReader(stream);

        var first = await ReadEventAsync(reader, timeout.Token);
        Assert.Equal("ready", first.Type);

        var workoutId = Guid.NewGuid();
        await fixture.Publisher.Publish(
            new WorkoutImported(workoutId, WorkoutSource.Manual, null, "Evening spin", "cycling",
                DateTimeOffset.Parse("2026-11-20T18:00:00+01:00"), 3600, 30000, 180, 130, null),
            context => context.MessageId = Guid.NewGuid(),
            timeout.Token);

        (string? Type, string Data) next;
        do
        {
            next = await ReadEventAsync(reader, timeout.Token);
        }
        while (next.Type == "ping");

        Assert.Equal("workout-imported", next.Type);
        Assert.Contains(workoutId.ToString(), next.Data);
        Assert.Contains("\"workoutId\"", next.Data);
        Assert.Contains("\"source\":\"manual\"", next.Data);
    }

    [Fact]
    public async Task Closing_the_stream_ends_the_subscription()
    {
        var broadcaster = fixture.Factory.Services.GetRequiredService<EventBroadcaster>();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
            request.Headers.Add("X-Api-Key", fixture.ApiKey);
            using var response = await fixture.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var reader = new StreamReader(stream);
            Assert.Equal("ready", (await ReadEventAsync(reader, timeout.Token)).Type);
            Assert.Equal(1, broadcaster.SubscriberCount);
        }

        var remaining = await Eventually.WaitAsync(() => Task.FromResult(broadcaster.SubscriberCount), count => count == 0, TimeSpan.FromSeconds(15));
        Assert.Equal(0, remaining);
    }
}
