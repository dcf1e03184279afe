using System.Globalization;
using System.Xml.Linq;
using CyclingCoach.Coaching.Domain.Exports;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Tests.Exports;

public sealed class ZwoWriterTests
{
    private static double Number(XElement e, string attribute) =>
        double.Parse(e.Attribute(attribute)?.Value ?? throw new InvalidOperationException($"{e.Name} has no {attribute}"), CultureInfo.InvariantCulture);

    /// <summary>What a Zwift block lasts: IntervalsT is Repeat × (OnDuration + OffDuration), the others their Duration.</summary>
    private static double Seconds(XElement e) => e.Name.LocalName == "IntervalsT"
        ? Number(e, "Repeat") * (Number(e, "OnDuration") + Number(e, "OffDuration"))
        : Number(e, "Duration");

    [Fact]
    public void Threshold_session_maps_every_step_with_its_powers_and_the_file_header()
    {
        var workout = WorkoutLibrary.Build(WorkoutType.Threshold, 75 * 60);
        var doc = XDocument.Parse(ZwoWriter.Write(workout));

        var root = doc.Root!;
        Assert.Equal("workout_file", root.Name.LocalName);
        Assert.Equal("CyclingCoach", root.Element("author")?.Value);
        Assert.Equal(workout.Name, root.Element("name")?.Value);
        Assert.Equal(workout.Description, root.Element("description")?.Value);
        Assert.Equal("bike", root.Element("sportType")?.Value);
        Assert.Equal("Threshold", root.Element("tags")?.Element("tag")?.Attribute("name")?.Value);

        // 75 min = 10 warm-up + 55 main (4 × 12 min = 48, 7 min endurance split 3.5/3.5 around it) + 10 cool-down.
        var blocks = root.Element("workout")!.Elements().ToList();
        Assert.Equal(["Warmup", "SteadyState", "IntervalsT", "SteadyState", "Cooldown"], blocks.Select(b => b.Name.LocalName));

        var warmup = blocks[0];
        Assert.Equal((600, 0.45, 0.70), (Number(warmup, "Duration"), Number(warmup, "PowerLow"), Number(warmup, "PowerHigh")));
        Assert.Equal((210, 0.65), (Number(blocks[1], "Duration"), Number(blocks[1], "Power")));
        var intervals = blocks[2];
        Assert.Equal(4, Number(intervals, "Repeat"));
        Assert.Equal((480, 240), (Number(intervals, "OnDuration"), Number(intervals, "OffDuration")));
        Assert.Equal((1.00, 0.55), (Number(intervals, "OnPower"), Number(intervals, "OffPower")));
        // Zwift's cool-down goes from PowerLow to PowerHigh, so it starts at 60 % and ends at 40 %.
        var cooldown = blocks[4];
        Assert.Equal((600, 0.60, 0.40), (Number(cooldown, "Duration"), Number(cooldown, "PowerLow"), Number(cooldown, "PowerHigh")));
        Assert.All(blocks, b => Assert.Null(b.Attribute("Cadence")));
        Assert.Equal(75 * 60, blocks.Sum(Seconds));
    }

    [Theory]
    [InlineData(WorkoutType.Recovery, 30)]
    [InlineData(WorkoutType.Endurance, 90)]
    [InlineData(WorkoutType.LongRide, 240)]
    [InlineData(WorkoutType.Tempo, 60)]
    [InlineData(WorkoutType.SweetSpot, 90)]
    [InlineData(WorkoutType.Threshold, 60)]
    [InlineData(WorkoutType.Vo2Max, 60)]
    [InlineData(WorkoutType.Anaerobic, 45)]
    [InlineData(WorkoutType.Sprint, 60)]
    public void Every_step_of_every_session_type_is_one_block_of_the_same_length(WorkoutType type, int minutes)
    {
        var workout = WorkoutLibrary.Build(type, minutes * 60);
        var blocks = XDocument.Parse(ZwoWriter.Write(workout)).Root!.Element("workout")!.Elements().ToList();

        Assert.Equal(workout.Steps.Count, blocks.Count);
        foreach (var (step, block) in workout.Steps.Zip(blocks))
        {
            Assert.Equal(step.TotalSeconds, Seconds(block));
            switch (step.Kind)
            {
                case StepKind.Intervals:
                    Assert.Equal("IntervalsT", block.Name.LocalName);
                    Assert.Equal((step.PowerHigh, step.OffPower), (Number(block, "OnPower"), Number(block, "OffPower")));
                    break;
                case StepKind.Steady:
                    Assert.Equal("SteadyState", block.Name.LocalName);
                    Assert.Equal((step.PowerLow + step.PowerHigh) / 2, Number(block, "Power"), 3);
                    break;
                default:
                    Assert.Equal(step.Kind == StepKind.Warmup ? "Warmup" : "Cooldown", block.Name.LocalName);
                    Assert.Equal((step.PowerLow, step.PowerHigh), (Number(block, "PowerLow"), Number(block, "PowerHigh")));
                    break;
            }
        }

        Assert.Equal(workout.DurationSeconds, blocks.Sum(Seconds));
    }

    [Fact]
    public void Cadence_is_written_only_where_the_plan_sets_one_and_recovery_free_intervals_are_one_steady_block()
    {
        WorkoutStep[] steps =
        [
            new(StepKind.Warmup, 300, 0.5, 0.7, CadenceRpm: 90),
            new(StepKind.Intervals, 60, 1.1, 1.1, Repeat: 3, OffDurationSeconds: 0),
            new(StepKind.Steady, 600, 0.8, 0.9, CadenceRpm: 60),
        ];
        var workout = new PlannedWorkout(WorkoutType.Tempo, "Low cadence", 1080, 3, 20, steps, "Big gear");
        var blocks = XDocument.Parse(ZwoWriter.Write(workout, author: null)).Root!.Element("workout")!.Elements().ToList();

        Assert.Equal(["Warmup", "SteadyState", "SteadyState"], blocks.Select(b => b.Name.LocalName));
        Assert.Equal("90", blocks[0].Attribute("Cadence")?.Value);
        Assert.Null(blocks[1].Attribute("Cadence"));
        Assert.Equal((180, 1.1), (Number(blocks[1], "Duration"), Number(blocks[1], "Power")));
        Assert.Equal("60", blocks[2].Attribute("Cadence")?.Value);
        Assert.Equal(0.85, Number(blocks[2], "Power"), 3);
        Assert.Equal(1080, blocks.Sum(Seconds));
    }

    [Fact]
    public void Markup_characters_in_the_name_and_description_are_escaped_and_read_back_unchanged()
    {
        const string name = "Over<unders> & \"sprints\" <script>";
        const string description = "Hold 95–105 % & don't <stop>";
        var workout = WorkoutLibrary.Build(WorkoutType.Threshold, 3600) with { Name = name, Description = description };

        var xml = ZwoWriter.Write(workout, author: "Coach & <Co>");

        Assert.DoesNotContain("<script>", xml);
        Assert.Contains("Over&lt;unders&gt; &amp;", xml);
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal(name, root.Element("name")?.Value);
        Assert.Equal(description, root.Element("description")?.Value);
        Assert.Equal("Coach & <Co>", root.Element("author")?.Value);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var workout = WorkoutLibrary.Build(WorkoutType.SweetSpot, 90 * 60);
        var invariant = WithCulture(CultureInfo.InvariantCulture, () => ZwoWriter.Write(workout));

        // This build runs with invariant globalization (no ICU cultures), so "de-DE" is made by hand with what matters
        // here: a decimal comma and a dot as group separator.
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        Assert.Equal("0,45", 0.45.ToString("0.00", german)); // the culture really would change a number
        var underGerman = WithCulture(german, () => ZwoWriter.Write(workout));

        Assert.Equal(invariant, underGerman);
        Assert.Contains("PowerLow=\"0.45\"", underGerman);
        Assert.DoesNotContain("0,", underGerman);
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (culture0, ui0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture0, ui0);
        }
    }
}
