using System.Text.RegularExpressions;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;

namespace CyclingCoach.Coaching.Tests.Library;

/// <summary>Every library session is a valid, honest session of its kind: steps, powers, lengths, TSS, purpose, source.</summary>
public sealed partial class WorkoutCatalogueTests
{
    public static TheoryData<string> Ids => [.. WorkoutCatalogue.All.Select(w => w.Id)];

    private static LibraryWorkout Get(string id) => WorkoutCatalogue.Find(id) ?? throw new KeyNotFoundException(id);

    [Fact]
    public void The_library_holds_at_least_60_sessions_in_every_category_at_several_lengths()
    {
        Assert.True(WorkoutCatalogue.All.Count >= 60, $"{WorkoutCatalogue.All.Count} sessions");
        Assert.Equal(WorkoutCatalogue.All.Count, WorkoutCatalogue.All.Select(w => w.Id).Distinct().Count());
        foreach (var category in Enum.GetValues<LibraryCategory>())
        {
            var lengths = WorkoutCatalogue.All.Where(w => w.Category == category).Select(w => w.DurationSeconds).Distinct().Count();
            Assert.True(lengths >= 2, $"{category}: {lengths} lengths");
            Assert.True(WorkoutCatalogue.All.Count(w => w.Category == category) >= 3, $"{category}: fewer than 3 sessions");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_session_passes_the_plan_validator_with_its_length_and_tss_from_its_steps(string id)
    {
        var session = Get(id);
        var planned = session.ToPlanned();
        var monday = new DateOnly(2026, 12, 7);
        var plan = new TrainingPlan(monday, "library", [new PlanWeek(1, "test",
            [.. Enumerable.Range(0, 7).Select(d => new PlanDay(monday.AddDays(d), d == 1 ? [planned] : []))])]);

        Assert.Empty(PlanValidator.Validate(plan, new RuleSet()));
        Assert.Equal((session.DurationSeconds, session.Id, session.Type), (planned.DurationSeconds, planned.LibraryId, planned.Type));
        Assert.Equal(WorkoutSteps.Tss(session.Steps), planned.TargetTss);
        Assert.Equal(0, session.DurationSeconds % 60);

        // TSS lies between what the session's easiest and hardest power would give over its whole length.
        var powers = session.Steps.SelectMany(s => s.Kind == StepKind.Intervals ? new[] { s.PowerHigh, s.OffPower } : [s.PowerLow, s.PowerHigh]).ToList();
        var hours = session.DurationSeconds / 3600.0;
        Assert.InRange(planned.TargetTss, hours * powers.Min() * powers.Min() * 100, hours * powers.Max() * powers.Max() * 100);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_session_warms_up_cools_down_and_says_what_it_is_for_and_where_it_comes_from(string id)
    {
        var session = Get(id);

        Assert.Matches(IdPattern(), session.Id);
        Assert.Equal(StepKind.Warmup, session.Steps[0].Kind);
        Assert.Equal(StepKind.Cooldown, session.Steps[^1].Kind);
        Assert.All(session.Steps.Skip(1).SkipLast(1), s => Assert.True(s.Kind is StepKind.Steady or StepKind.Intervals));
        Assert.All(session.Steps, s => Assert.True(s.DurationSeconds > 0 && s.Repeat >= 1 && s.PowerLow is > 0.3 and <= 2.0 && s.PowerHigh is > 0.3 and <= 2.0));
        Assert.True(session.Purpose.Length >= 40, session.Purpose);
        Assert.NotEmpty(session.Source.Split(", "));
        Assert.All(session.Source.Split(", "), tag => Assert.Contains(tag, SourceTags));
        Assert.InRange(session.Level, ProgressionLevels.Lowest, ProgressionLevels.Highest);
    }

    /// <summary>The tags Domain/Library/README.md explains (and coaching.md's where they come from there).</summary>
    private static readonly string[] SourceTags = ["CL", "SE10", "SS14", "SE13", "RO15", "LJ02", "TA96", "BU05", "PA09", "FR3", "TR-A", "TR", "AC", "MP", "BO", "E"];

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_main_set_works_in_its_categorys_band_of_coggans_levels(string id)
    {
        var session = Get(id);
        var main = session.Steps.Skip(1).SkipLast(1).ToList();
        var hardest = main.Max(s => s.Kind == StepKind.Intervals ? s.PowerHigh : (s.PowerLow + s.PowerHigh) / 2);
        var (low, high) = session.Category switch
        {
            LibraryCategory.Recovery => (0.40, 0.55),
            LibraryCategory.Endurance => (0.56, 0.75),
            LibraryCategory.Tempo => (0.76, 0.90),
            LibraryCategory.SweetSpot => (0.88, 0.94),
            LibraryCategory.Threshold => (0.95, 1.05),
            LibraryCategory.OverUnders => (1.01, 1.10),
            LibraryCategory.Vo2Max => (1.06, 1.20),
            LibraryCategory.Anaerobic => (1.21, 2.00),
            LibraryCategory.Sprints => (1.50, 2.00),
            LibraryCategory.LongRide => (0.56, 1.05),
            LibraryCategory.LowCadence => (0.76, 1.00),
            LibraryCategory.RaceSimulation => (0.88, 1.80),
            _ => throw new ArgumentOutOfRangeException(nameof(id)),
        };
        Assert.InRange(hardest, low, high);
        Assert.Equal(session.Type.IsHard(), hardest > 0.87);
    }

    [Fact]
    public void Cadence_is_set_where_the_session_is_about_it()
    {
        foreach (var session in WorkoutCatalogue.All.Where(w => w.Category == LibraryCategory.LowCadence))
        {
            Assert.All(session.Steps.Where(s => s.Kind == StepKind.Intervals), s => Assert.InRange(s.CadenceRpm ?? 0, 50, 65));
        }

        Assert.All(WorkoutCatalogue.All.Where(w => w.Category == LibraryCategory.Recovery), w => Assert.Contains(w.Steps, s => s.CadenceRpm >= 85));
        Assert.All(WorkoutCatalogue.All.Where(w => w.Id.Contains("cadence-", StringComparison.Ordinal) && w.Category == LibraryCategory.Endurance),
            w => Assert.Contains(w.Steps, s => s.CadenceRpm >= 100));
    }

    [Fact]
    public void Quality_types_spread_over_levels_so_a_rider_has_somewhere_to_progress()
    {
        foreach (var type in new[] { WorkoutType.Tempo, WorkoutType.SweetSpot, WorkoutType.Threshold, WorkoutType.Vo2Max, WorkoutType.Anaerobic })
        {
            var levels = LibraryChooser.Candidates(type).Select(w => w.Level).Distinct().Count();
            Assert.True(levels >= 3, $"{type}: {levels} levels");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
