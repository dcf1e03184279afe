using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Tests.Scenarios;

namespace CyclingCoach.Coaching.Tests.Library;

/// <summary>The built-in coach picks from the library by purpose, time and progression level.</summary>
public sealed class LibraryChooserTests
{
    [Theory]
    [InlineData(WorkoutType.SweetSpot)]
    [InlineData(WorkoutType.Threshold)]
    [InlineData(WorkoutType.Vo2Max)]
    [InlineData(WorkoutType.Tempo)]
    public void A_quality_pick_fits_the_time_stays_at_or_under_the_level_and_a_higher_level_is_at_least_as_hard(WorkoutType type)
    {
        foreach (var minutes in new[] { 60, 75, 90 })
        {
            var previous = 0.0;
            for (var level = 1; level <= 10; level++)
            {
                var pick = LibraryChooser.Choose(type, minutes * 60, level);
                var session = WorkoutCatalogue.Find(pick.LibraryId)!;

                Assert.Equal(type, pick.Type);
                Assert.Equal(minutes * 60, pick.DurationSeconds);
                Assert.True(session.DurationSeconds <= minutes * 60, $"{session.Id} is longer than {minutes} min");
                var lowest = LibraryChooser.Candidates(type).Where(w => w.DurationSeconds <= minutes * 60).Min(w => w.Level);
                Assert.True(session.Level <= Math.Max(level, lowest), $"{session.Id} (level {session.Level}) for level {level}");
                Assert.True(session.Level >= previous, $"{type} {minutes} min: level {level} picked {session.Id}, easier than before");
                previous = session.Level;
            }
        }
    }

    [Fact]
    public void Endurance_long_rides_and_spins_are_plain_rides_of_the_length_asked()
    {
        foreach (var (type, minutes) in new[] { (WorkoutType.Endurance, 50), (WorkoutType.Endurance, 200), (WorkoutType.LongRide, 100), (WorkoutType.LongRide, 330), (WorkoutType.Recovery, 25) })
        {
            var pick = LibraryChooser.Choose(type, minutes * 60, 5);

            Assert.Equal((type, minutes * 60), (pick.Type, pick.DurationSeconds));
            Assert.Equal(3, pick.Steps.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Archetypes))]
    public void Every_session_of_a_built_in_plan_comes_from_the_library_and_levels_rise_through_the_build_weeks(string name)
    {
        var rider = Riders.All.Single(r => r.Name == name);
        var plan = BuiltInPlanGenerator.Generate(rider.Context());

        Assert.All(plan.Days.SelectMany(d => d.Workouts), w => Assert.NotNull(WorkoutCatalogue.Find(w.LibraryId)));
        foreach (var system in new[] { WorkoutType.SweetSpot, WorkoutType.Threshold, WorkoutType.Vo2Max })
        {
            // The level the coach asked for never falls from one build week to the next (a pick may be easier when the day is short).
            var asked = plan.Weeks.Where(w => w.Phase is PlanPhase.Base or PlanPhase.Build)
                .Select(w => w.Days.SelectMany(d => d.Workouts).Where(x => x.Type == system).Select(x => WorkoutCatalogue.Find(x.LibraryId)!.Level).DefaultIfEmpty(0).Max())
                .Where(l => l > 0).ToList();
            Assert.True(asked.Count < 2 || asked[^1] >= asked[0], $"{system}: {string.Join(", ", asked)}");
        }
    }

    public static TheoryData<string> Archetypes => [.. Riders.All.Select(r => r.Name)];

    [Fact]
    public void The_progression_carries_on_from_the_current_plans_sessions()
    {
        var rider = Riders.Steady;
        var first = BuiltInPlanGenerator.Generate(rider.Context());
        var level = (TrainingPlan plan, int week) => plan.Weeks[week].Days.SelectMany(d => d.Workouts)
            .Where(w => w.Type == WorkoutType.SweetSpot).Select(w => WorkoutCatalogue.Find(w.LibraryId)!.Level).DefaultIfEmpty(0).Max();

        // The same rider a week later with a plan behind them starts from where its first week left off, not from scratch.
        var context = rider.Context(current: first) with { StartDate = rider.Start.AddDays(7) };
        var next = BuiltInPlanGenerator.Generate(context);

        Assert.True(level(first, 0) > 0);
        Assert.True(level(next, 0) > level(first, 0), $"{level(first, 0)} then {level(next, 0)}");
    }
}
