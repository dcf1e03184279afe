using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Tests.Domain;

public sealed class EventRoutesTests
{
    private static readonly Guid Stelvio = Guid.NewGuid(), Ventoux = Guid.NewGuid();

    private static readonly RuleSet Before = new()
    {
        Events =
        [
            new TargetEvent("Granfondo Stelvio", new DateOnly(2027, 6, 20), RouteId: Stelvio),
            new TargetEvent("Ventoux sportive", new DateOnly(2027, 5, 9), EventPriority.B, Ventoux),
            new TargetEvent("Club TT", new DateOnly(2027, 4, 4), EventPriority.C),
        ],
    };

    [Fact]
    public void Events_still_there_keep_their_route_by_name_or_by_date_and_new_ones_get_none()
    {
        var parsed = new RuleSet
        {
            Events =
            [
                new TargetEvent("granfondo stelvio ", new DateOnly(2027, 6, 27)), // same event, moved a week
                new TargetEvent("Mont Ventoux Dénivelé", new DateOnly(2027, 5, 9), EventPriority.B), // renamed, same day
                new TargetEvent("Club TT", new DateOnly(2027, 4, 4), EventPriority.C),
                new TargetEvent("Marmotte", new DateOnly(2027, 7, 4)),
            ],
        };

        var kept = parsed.KeepRoutes(Before);

        Assert.Equal([Stelvio, Ventoux, null, null], kept.Events.Select(e => e.RouteId).ToArray());
        Assert.Equal(parsed.Events.Select(e => e.Name), kept.Events.Select(e => e.Name));
    }

    [Fact]
    public void A_route_the_parse_gave_wins_and_nothing_before_changes_nothing()
    {
        var own = Guid.NewGuid();
        var parsed = new RuleSet { Events = [new TargetEvent("Granfondo Stelvio", new DateOnly(2027, 6, 20), RouteId: own)] };
        Assert.Equal(own, parsed.KeepRoutes(Before).Events[0].RouteId);
        Assert.Same(parsed, parsed.KeepRoutes(null));
        Assert.Same(parsed, parsed.KeepRoutes(new RuleSet()));
    }

    [Fact]
    public void A_date_shared_by_two_new_events_gives_neither_the_route()
    {
        var parsed = new RuleSet
        {
            Events = [new TargetEvent("Morning TT", new DateOnly(2027, 5, 9), EventPriority.C), new TargetEvent("Evening crit", new DateOnly(2027, 5, 9), EventPriority.C)],
        };
        Assert.All(parsed.KeepRoutes(Before).Events, e => Assert.Null(e.RouteId));
    }
}
