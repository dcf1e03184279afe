using System.Text.Json.Nodes;
using CyclingCoach.Coaching.Chat;
using CyclingCoach.Testing;

namespace CyclingCoach.Coaching.Tests;

/// <summary>
/// The web app reads a chat answer's event names from frontend/lib/api/events.json (lib/coach/chat-stream.mjs):
/// a name changed here and not there, or there and not here, fails.
/// </summary>
public sealed class ChatEventNamesTests
{
    [Fact]
    public void The_chat_event_names_are_the_web_apps()
    {
        var names = JsonNode.Parse(File.ReadAllText(TestInfrastructure.RepositoryFile("frontend", "lib", "api", "events.json")))!;
        Assert.Equal(names["chat"]!.AsArray().Select(n => n!.GetValue<string>()), ChatEventTypes.All);
    }
}
