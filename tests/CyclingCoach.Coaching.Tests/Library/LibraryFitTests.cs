using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Tests.Library;

public sealed class LibraryFitTests
{
    public static TheoryData<string> Ids => [.. WorkoutCatalogue.All.Select(w => w.Id)];

    private static List<WorkoutStep> Hard(IEnumerable<WorkoutStep> steps) => [.. steps.Where(s => s.Kind == StepKind.Intervals || s.Kind == StepKind.Steady && (s.PowerLow + s.PowerHigh) / 2 > 0.75)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_length_from_its_shortest_to_twice_its_own_is_met_to_the_minute_and_longer_adds_only_endurance(string id)
    {
        var session = WorkoutCatalogue.Find(id)!;
        var shortest = LibraryFit.ShortestSeconds(session);
        Assert.True(shortest <= session.DurationSeconds);

        for (var minutes = (shortest + 59) / 60; minutes <= 2 * session.DurationSeconds / 60; minutes += 7)
        {
            var fitted = LibraryFit.Fit(session, minutes * 60);

            Assert.Equal(minutes * 60, fitted.DurationSeconds);
            Assert.Equal(WorkoutSteps.Tss(fitted.Steps), fitted.TargetTss);
            Assert.Equal(id, fitted.LibraryId);
            Assert.True(fitted.Steps[0].Kind == StepKind.Warmup && fitted.Steps[^1].Kind == StepKind.Cooldown);
            Assert.All(fitted.Steps, s => Assert.True(s.DurationSeconds > 0 && s.Repeat >= 1));
            if (minutes * 60 >= session.DurationSeconds)
            {
                // The main set as written; the extra time at endurance (65 %), nothing harder.
                Assert.Equal(Hard(session.Steps), Hard(fitted.Steps));
                Assert.Equal(WorkoutSteps.TotalSeconds(session.Steps) - WorkoutSteps.SecondsAtOrBelow(session.Steps, 0.75),
                    WorkoutSteps.TotalSeconds(fitted.Steps) - WorkoutSteps.SecondsAtOrBelow(fitted.Steps, 0.75));
            }
            else
            {
                // Shorter: warm-up and cool-down keep 5 min, every set keeps at least one repeat.
                Assert.True(fitted.Steps[0].DurationSeconds >= 300 && fitted.Steps[^1].DurationSeconds >= 300);
                Assert.Equal(Hard(session.Steps).Count, Hard(fitted.Steps).Count);
            }
        }
    }

    [Fact]
    public void A_length_under_the_shortest_gives_the_shortest_and_endurance_shrinks_before_repeats()
    {
        var session = WorkoutCatalogue.Find("sweet-spot-3x15")!; // 10 + 3 × (15 + 5) + 10 = 80 min

        var shorter = LibraryFit.Fit(session, 60 * 60);
        var shortest = LibraryFit.Fit(session, 10 * 60);

        Assert.Equal(60 * 60, shorter.DurationSeconds);
        var set = Assert.Single(shorter.Steps, s => s.Kind == StepKind.Intervals);
        Assert.Equal((2, 15 * 60, 0.90), (set.Repeat, set.DurationSeconds, set.PowerHigh));
        Assert.Equal(LibraryFit.ShortestSeconds(session), shortest.DurationSeconds);
        Assert.Equal(5 * 60 + 20 * 60 + 5 * 60, shortest.DurationSeconds);
    }

    [Fact]
    public void A_longer_interval_session_gets_endurance_blocks_either_side_of_its_main_set()
    {
        var fitted = LibraryFit.Fit(WorkoutCatalogue.Find("vo2max-5x3")!, 80 * 60); // 50 min as written

        Assert.Equal([StepKind.Warmup, StepKind.Steady, StepKind.Intervals, StepKind.Steady, StepKind.Cooldown], fitted.Steps.Select(s => s.Kind));
        Assert.Equal((15 * 60, 15 * 60), (fitted.Steps[1].DurationSeconds, fitted.Steps[3].DurationSeconds));
        Assert.All(new[] { fitted.Steps[1], fitted.Steps[3] }, s => Assert.Equal(0.65, s.PowerHigh));
        Assert.StartsWith("80 min: 15 min at 65 %, 5 × 3 min at 115 % / 3 min at 50 %, 15 min at 65 % FTP.", fitted.Description);
    }

    [Fact]
    public void Resizing_a_library_session_keeps_it_and_a_template_session_stays_a_template()
    {
        var library = LibraryFit.Fit(WorkoutCatalogue.Find("threshold-2x20")!, 90 * 60);
        var template = WorkoutLibrary.Build(WorkoutType.Threshold, 90 * 60);

        var shorter = WorkoutLibrary.Resize(library, 70 * 60);

        Assert.Equal(("threshold-2x20", 70 * 60), (shorter.LibraryId, shorter.DurationSeconds));
        Assert.Equal(2, shorter.Steps.Count(s => s is { Kind: StepKind.Steady, DurationSeconds: 1200, PowerHigh: 0.97 }));
        Assert.Null(WorkoutLibrary.Resize(template, 70 * 60).LibraryId);
    }
}
