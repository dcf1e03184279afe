using System.Buffers.Binary;
using System.Text;
using CyclingCoach.Coaching.Domain.Exports;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Training.Readers;

namespace CyclingCoach.Coaching.Tests.Exports;

public sealed class FitWorkoutWriterTests
{
    // Profile numbers, written here from the FIT profile rather than taken from the writer.
    private const ushort FileId = 0, Workout = 26, WorkoutStep = 27;
    private const ulong DurationTime = 0, RepeatUntilStepsComplete = 6, TargetOpen = 2, TargetPower = 4;
    private const ulong Active = 0, Rest = 1, Warmup = 2, Cooldown = 3;
    private const ulong InvalidEnum = 0xFF, InvalidUInt32 = 0xFFFFFFFF;

    private static readonly DateTimeOffset CreatedAt = new(2026, 12, 1, 10, 15, 30, TimeSpan.FromHours(1));

    internal static List<FitTestMessage> Steps(List<FitTestMessage> messages) => messages.Where(m => m.Global == WorkoutStep).ToList();

    [Fact]
    public void The_test_crc_is_crc16_arc()
    {
        // The standard check value of CRC-16/ARC (the FIT CRC) for "123456789".
        Assert.Equal(0xBB3D, FitTestReader.Crc16("123456789"u8));
        Assert.Equal(FitCrc.Compute("123456789"u8), FitTestReader.Crc16("123456789"u8));
    }

    [Fact]
    public void Header_and_both_crcs_are_valid_and_a_changed_byte_is_caught()
    {
        var file = FitWorkoutWriter.Write(WorkoutLibrary.Build(WorkoutType.Vo2Max, 3600), CreatedAt);

        Assert.Equal(14, file[0]);
        Assert.Equal(0x10, file[1]); // protocol 1.0
        Assert.Equal(2140, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(2)));
        Assert.Equal(file.Length - 16, (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal(".FIT", Encoding.ASCII.GetString(file, 8, 4));
        Assert.Equal(FitTestReader.Crc16(file.AsSpan(0, 12)), BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(12)));
        Assert.Equal(FitTestReader.Crc16(file.AsSpan(0, file.Length - 2)), BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(file.Length - 2)));
        Assert.NotEmpty(FitTestReader.Read(file));

        var damaged = (byte[])file.Clone();
        damaged[30] ^= 0x01;
        Assert.ThrowsAny<Exception>(() => FitTestReader.Read(damaged));
    }

    [Fact]
    public void The_training_librarys_decoder_accepts_the_file_with_strict_crc()
    {
        var file = FitWorkoutWriter.Write(WorkoutLibrary.Build(WorkoutType.Threshold, 3600), CreatedAt);

        var decoded = FitDecoder.Decode(file, new ActivityReaderOptions { RequireValidCrc = true });

        Assert.Equal("workout", decoded.FileType);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 15, 30, DateTimeKind.Utc), decoded.TimeCreatedUtc);
        Assert.Equal(1, decoded.FitFileCount);
    }

    [Fact]
    public void Threshold_session_decodes_to_file_id_workout_and_each_step_with_targets_and_repeat()
    {
        // 60 min threshold: 10 min 45→70 %, 3 × (8 min 100 % / 4 min 55 %), 2 × 2 min at 65 % around it, 10 min 60→40 %.
        var workout = WorkoutLibrary.Build(WorkoutType.Threshold, 3600);
        var messages = FitTestReader.Read(FitWorkoutWriter.Write(workout, CreatedAt));

        Assert.Equal([FileId, Workout], messages.Take(2).Select(m => m.Global));
        var fileId = messages[0];
        Assert.Equal(5UL, fileId.Number(0)); // file type workout
        Assert.Equal(255UL, fileId.Number(1)); // manufacturer development
        // time_created: seconds from 1989-12-31 00:00 UTC to 2026-12-01 09:15:30 UTC.
        var expected = (ulong)(new DateTime(2026, 12, 1, 9, 15, 30, DateTimeKind.Utc) - new DateTime(1989, 12, 31, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
        Assert.Equal(expected, fileId.Number(4));

        var header = messages[1];
        Assert.Equal(2UL, header.Number(4)); // sport cycling
        Assert.Equal("Threshold intervals", header.Text(8));

        var steps = Steps(messages);
        Assert.Equal((ulong)steps.Count, header.Number(6));
        Assert.Equal(7, steps.Count);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => (ulong)i), steps.Select(s => s.Number(254)));

        AssertPower(steps[0], "Warm-up", 600, 45, 70, Warmup);
        AssertPower(steps[1], "Steady", 120, 65, 65, Active);
        AssertPower(steps[2], "On", 480, 100, 100, Active);
        AssertPower(steps[3], "Off", 240, 55, 55, Rest);
        var repeat = steps[4];
        Assert.Equal(RepeatUntilStepsComplete, repeat.Number(1));
        Assert.Equal(2UL, repeat.Number(2)); // back to the "on" step
        Assert.Equal(TargetOpen, repeat.Number(3));
        Assert.Equal(3UL, repeat.Number(4)); // three repetitions
        Assert.Equal((InvalidUInt32, InvalidUInt32, InvalidEnum), (repeat.Number(5), repeat.Number(6), repeat.Number(7)));
        AssertPower(steps[5], "Steady", 120, 65, 65, Active);
        // A ramp down is a range: low is the lower power, whichever end it is.
        AssertPower(steps[6], "Cool-down", 600, 40, 60, Cooldown);
    }

    private static void AssertPower(FitTestMessage step, string name, int seconds, ulong lowPercent, ulong highPercent, ulong intensity)
    {
        Assert.Equal(name, step.Text(0));
        Assert.Equal(DurationTime, step.Number(1));
        Assert.Equal((ulong)seconds * 1000, step.Number(2));
        Assert.Equal(TargetPower, step.Number(3));
        Assert.Equal(0UL, step.Number(4)); // custom target, not a zone
        Assert.Equal((lowPercent, highPercent), (step.Number(5), step.Number(6)));
        Assert.Equal(intensity, step.Number(7));
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
    public void Every_session_type_rides_the_same_seconds_at_the_same_targets(WorkoutType type, int minutes)
    {
        var workout = WorkoutLibrary.Build(type, minutes * 60);
        var steps = Steps(FitTestReader.Read(FitWorkoutWriter.Write(workout, CreatedAt)));

        var ridden = Ride(steps);

        Assert.Equal(Expected(workout.Steps), ridden);
        Assert.Equal(workout.DurationSeconds, ridden.Sum(r => r.Seconds));
        Assert.All(steps.Where(s => s.Number(1) == DurationTime), s => Assert.True(s.Number(5) <= s.Number(6) && s.Number(6) <= 1000));
    }

    /// <summary>Follows the steps as a head unit does: a repeat step sends it back until the block has run N times.</summary>
    internal static List<(int Seconds, ulong Low, ulong High)> Ride(List<FitTestMessage> steps)
    {
        var ridden = new List<(int, ulong, ulong)>();
        var done = new Dictionary<int, ulong>();
        for (var i = 0; i < steps.Count;)
        {
            var s = steps[i];
            if (s.Number(1) == RepeatUntilStepsComplete)
            {
                done[i] = done.GetValueOrDefault(i) + 1;
                i = done[i] < s.Number(4) ? (int)s.Number(2) : i + 1;
                continue;
            }

            Assert.Equal(DurationTime, s.Number(1));
            ridden.Add(((int)(s.Number(2) / 1000), s.Number(5), s.Number(6)));
            i++;
        }

        return ridden;
    }

    /// <summary>The plan's steps expanded the same way, in % FTP.</summary>
    internal static List<(int Seconds, ulong Low, ulong High)> Expected(IEnumerable<WorkoutStep> steps)
    {
        static ulong P(double fraction) => (ulong)Math.Round(fraction * 100);
        var expected = new List<(int, ulong, ulong)>();
        foreach (var s in steps)
        {
            switch (s.Kind)
            {
                case StepKind.Intervals:
                    for (var r = 0; r < s.Repeat; r++)
                    {
                        expected.Add((s.DurationSeconds, P(s.PowerHigh), P(s.PowerHigh)));
                        if (s.OffDurationSeconds > 0)
                        {
                            expected.Add((s.OffDurationSeconds, P(s.OffPower), P(s.OffPower)));
                        }
                    }

                    break;
                case StepKind.Steady:
                    expected.Add((s.DurationSeconds, P((s.PowerLow + s.PowerHigh) / 2), P((s.PowerLow + s.PowerHigh) / 2)));
                    break;
                default:
                    expected.Add((s.DurationSeconds, P(Math.Min(s.PowerLow, s.PowerHigh)), P(Math.Max(s.PowerLow, s.PowerHigh))));
                    break;
            }
        }

        return expected;
    }

    [Fact]
    public void A_single_repetition_has_no_repeat_step_and_cadence_goes_in_the_notes()
    {
        WorkoutStep[] plan =
        [
            new(StepKind.Steady, 600, 0.6, 0.6, CadenceRpm: 95),
            new(StepKind.Intervals, 1200, 0.95, 0.95, Repeat: 1, OffDurationSeconds: 300, OffPower: 0.5),
        ];
        var workout = new PlannedWorkout(WorkoutType.Threshold, "FTP test", 2100, 4, 40, plan, "");
        var steps = Steps(FitTestReader.Read(FitWorkoutWriter.Write(workout, CreatedAt)));

        Assert.Equal(["Steady", "On", "Off"], steps.Select(s => s.Text(0)));
        Assert.Equal("95 rpm", steps[0].Text(8));
        Assert.Equal("", steps[1].Text(8));
        Assert.DoesNotContain(steps, s => s.Number(1) == RepeatUntilStepsComplete);
    }

    [Fact]
    public void A_long_name_is_cut_at_a_character_boundary_and_stays_valid_utf8()
    {
        var name = "Schwellen-Intervalle über den Berg – " + new string('é', 40);
        var workout = WorkoutLibrary.Build(WorkoutType.Threshold, 3600) with { Name = name };

        var written = FitTestReader.Read(FitWorkoutWriter.Write(workout, CreatedAt)).Single(m => m.Global == Workout).Text(8);

        Assert.StartsWith(written, name);
        Assert.True(written.Length > 30);
        Assert.True(Encoding.UTF8.GetByteCount(written) < 64); // room for the terminator in a 64-byte field
        Assert.DoesNotContain('\uFFFD', written);
    }
}
