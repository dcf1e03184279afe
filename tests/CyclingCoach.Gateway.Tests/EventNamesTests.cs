using System.Text.Json.Nodes;
using CyclingCoach.Gateway.Events;
using CyclingCoach.Testing;

namespace CyclingCoach.Gateway.Tests;

/// <summary>
/// The web app listens for the event names in frontend/lib/api/events.json; the gateway's names must be those, so
/// renaming or adding a relayed message type without that file (or the other way round) fails here.
/// </summary>
public sealed class EventNamesTests
{
    private static readonly JsonNode Names = JsonNode.Parse(File.ReadAllText(TestInfrastructure.RepositoryFile("frontend", "lib", "api", "events.json")))!;

    private static string[] List(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public void The_relayed_event_names_are_the_web_apps()
    {
        Assert.Equal(List(Names["stream"]!["relayed"]), EventRelay.RelayedEvents.Select(EventRelay.EventNameOf).ToArray());
    }

    [Fact]
    public void The_streams_own_events_are_the_web_apps()
    {
        Assert.Equal(List(Names["stream"]!["control"]), new[] { EventsApi.ReadyEvent, EventsApi.PingEvent });
    }
}
