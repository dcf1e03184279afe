using System.Globalization;
using System.Xml.Linq;
using CyclingCoach.Coaching.Domain.Exports;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Tests.Exports;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Coaching.Tests.Library;

/// <summary>
/// Every library session exported as .fit and .zwo reads back as the same ride: the FIT file through the Training
/// library's decoder (strict CRC, a workout file) and its steps through the tests' own FIT reader, followed as a head
/// unit follows them; the .zwo parsed back into steps (the Training library has no Zwift reader).
/// </summary>
public sealed class LibraryExportTests
{
    private static readonly DateTimeOffset CreatedAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Ids => [.. WorkoutCatalogue.All.Select(w => w.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_fit_file_decodes_and_rides_the_same_seconds_at_the_same_targets(string id)
    {
        var workout = WorkoutCatalogue.Find(id)!.ToPlanned();
        var file = FitWorkoutWriter.Write(workout, CreatedAt);

        var decoded = FitDecoder.Decode(file, new ActivityReaderOptions { RequireValidCrc = true });
        var steps = FitWorkoutWriterTests.Steps(FitTestReader.Read(file));
        var ridden = FitWorkoutWriterTests.Ride(steps);

        Assert.Equal("workout", decoded.FileType);
        Assert.Equal(FitWorkoutWriterTests.Expected(workout.Steps), ridden);
        Assert.Equal(workout.DurationSeconds, ridden.Sum(r => r.Seconds));
        // Cadence travels in the step's notes.
        Assert.Equal(workout.Steps.Any(s => s.CadenceRpm is not null), steps.Any(s => s.Fields.TryGetValue(8, out var n) && n is string text && text.EndsWith(" rpm", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_zwo_file_reads_back_as_the_same_steps(string id)
    {
        var workout = WorkoutCatalogue.Find(id)!.ToPlanned();

        var root = XDocument.Parse(ZwoWriter.Write(workout)).Root!;
        var read = root.Element("workout")!.Elements().Select(Step).ToList();

        Assert.Equal(workout.Name, root.Element("name")!.Value);
        Assert.Equal(workout.Steps.Count, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            var (want, got) = (workout.Steps[i], read[i]);
            Assert.Equal((want.Kind, want.TotalSeconds, want.CadenceRpm), (got.Kind, got.TotalSeconds, got.CadenceRpm));
            Assert.Equal(want.Kind == StepKind.Steady ? (want.PowerLow + want.PowerHigh) / 2 : want.PowerHigh, got.PowerHigh, 3);
            if (want.Kind == StepKind.Intervals)
            {
                Assert.Equal((want.Repeat, want.DurationSeconds, want.OffDurationSeconds), (got.Repeat, got.DurationSeconds, got.OffDurationSeconds));
                Assert.Equal(want.OffPower, got.OffPower, 3);
            }
        }

        Assert.Equal(workout.TargetTss, WorkoutSteps.Tss(read), 0);
    }

    /// <summary>A Zwift block as a step (a one-repeat IntervalsT without recovery is written as SteadyState).</summary>
    private static WorkoutStep Step(XElement e)
    {
        double N(string name) => double.Parse(e.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        int? cadence = e.Attribute("Cadence") is { } c ? int.Parse(c.Value, CultureInfo.InvariantCulture) : null;
        return e.Name.LocalName switch
        {
            "Warmup" => new WorkoutStep(StepKind.Warmup, (int)N("Duration"), N("PowerLow"), N("PowerHigh"), CadenceRpm: cadence),
            "Cooldown" => new WorkoutStep(StepKind.Cooldown, (int)N("Duration"), N("PowerLow"), N("PowerHigh"), CadenceRpm: cadence),
            "SteadyState" => new WorkoutStep(StepKind.Steady, (int)N("Duration"), N("Power"), N("Power"), CadenceRpm: cadence),
            "IntervalsT" => new WorkoutStep(StepKind.Intervals, (int)N("OnDuration"), N("OnPower"), N("OnPower"), (int)N("Repeat"), (int)N("OffDuration"), N("OffPower"), cadence),
            _ => throw new InvalidOperationException($"unexpected block {e.Name}"),
        };
    }
}
