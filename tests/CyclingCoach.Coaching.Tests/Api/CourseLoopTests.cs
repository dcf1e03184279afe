using System.Net;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Testing;
using MassTransit;

namespace CyclingCoach.Coaching.Tests.Api;

/// <summary>
/// RouteAnalyzed on the real bus into Coaching, an A event in the rules that names the route, and a generated plan that
/// prepares for the course's climbs — Coaching never reads Routes' database.
/// </summary>
public sealed class CourseLoopTests(CoachingFixture fixture) : IClassFixture<CoachingFixture>
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task An_event_on_a_known_course_gets_sessions_for_its_climbs()
    {
        var routeId = Guid.NewGuid();
        var analyzed = DateTimeOffset.UtcNow;
        RouteAnalyzed Analysis(DateTimeOffset at, double power) => new RouteAnalyzed(routeId, "Col Loop", 120_000, 1_900, 5 * 3600, 9, 1, at, 250,
        [
            new RouteClimb(30_000, 9_000, 6.5, 8, 585, 45 * 60, power),
            new RouteClimb(80_000, 4_000, 5, 6, 200, 16 * 60, 220),
            new RouteClimb(100_000, 600, 4, 5, 24, 3 * 60, 230),
        ]);
        var current = Guid.NewGuid();
        await fixture.Publisher.Publish(Analysis(analyzed, 200), c => c.MessageId = current);
        // An older analysis arriving late changes nothing. Both are waited for: the bus may hand them to the consumer
        // in either order, and a plan generated before the newer one is stored would see only the stale climbs.
        var stale = Guid.NewGuid();
        var late = Analysis(analyzed.AddHours(-1), 150);
        await fixture.Publisher.Publish(late, c => c.MessageId = stale);
        await Eventually.WaitAsync(() => Task.FromResult(fixture.Consumed.Completed(stale)), n => n >= 1, TimeSpan.FromSeconds(30));
        await Eventually.WaitAsync(() => Task.FromResult(fixture.Consumed.Completed(current)), n => n >= 1, TimeSpan.FromSeconds(30));

        await client.PutJsonAsync("/api/coach/athlete", new { ftpWatts = 250, weightKg = 70 }, HttpStatusCode.OK);
        var monday = CoachApi.ThisMonday();
        var eventDate = monday.AddDays((9 * 7) - 1);
        var saved = await client.PostJsonAsync("/api/coach/rules", new
        {
            text = $"Max 9 hours a week. Target event: Col Loop on {eventDate:yyyy-MM-dd}.",
            rules = new { maxHoursPerWeek = 9, events = new[] { new { name = "Col Loop", date = eventDate, priority = "a", routeId } } },
        }, HttpStatusCode.Created);
        Assert.Equal(routeId, saved.GetProperty("rules").GetProperty("events")[0].GetProperty("routeId").GetGuid());

        var created = await client.PostJsonAsync("/api/coach/plans/generate", new { startDate = monday }, HttpStatusCode.Created);
        var workouts = created.GetProperty("plan").GetProperty("weeks").EnumerateArray()
            .SelectMany(w => w.GetProperty("days").EnumerateArray()).SelectMany(d => d.GetProperty("workouts").EnumerateArray()).ToList();
        var prepared = workouts.Where(w => w.GetProperty("preparesFor").ValueKind == JsonValueKind.String && w.GetProperty("type").GetString() != "longRide").ToList();
        Assert.NotEmpty(prepared);
        // The 45-min climb at 200 W (80 % FTP) as 30-min tempo efforts at 0.80, not the stale 150 W; the 3-min climb is no key climb.
        var first = Assert.Single(prepared.Take(1));
        Assert.StartsWith("Col Loop: the climb at km 30 ", first.GetProperty("preparesFor").GetString());
        var effort = first.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "intervals");
        Assert.Equal(0.80, effort.GetProperty("powerHigh").GetDouble(), 2);
        Assert.Equal(30 * 60, effort.GetProperty("durationSeconds").GetInt32());
        Assert.DoesNotContain(prepared, w => w.GetProperty("preparesFor").GetString()!.Contains("km 100", StringComparison.Ordinal));
    }
}
