using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Exports;

/// <summary>
/// A planned workout as a FIT workout file (Garmin and other head units): <c>file_id</c> (type workout), one
/// <c>workout</c> message and one <c>workout_step</c> per step.
/// <para>Encoding, from the FIT SDK profile (Profile.xlsx, read as the <c>messages.semi.csv</c> /
/// <c>types.semi.csv</c> export of it in the richardbrodie/fit-rs repository, cross-checked with the generated
/// <c>WorkoutStepMessage</c> of profile 21.40 in sportlog/fit):</para>
/// <list type="bullet">
/// <item>mesg_num file_id = 0, workout = 26, workout_step = 27; file = workout (5); manufacturer development (255);
/// sport cycling (2).</item>
/// <item>workout: sport (4), num_valid_steps (6, every workout_step including repeat steps), wkt_name (8).</item>
/// <item>workout_step: message_index (254), wkt_step_name (0), duration_type (1), duration_value (2), target_type (3),
/// target_value (4), custom_target_value_low (5), custom_target_value_high (6), intensity (7), notes (8).</item>
/// <item>Power targets: target_type power (4) with target_value = target_power_zone 0 ("custom") and the
/// custom_target_power_low/high subfields of type <c>workout_power</c>: "0 - 1000 indicates % of functional threshold
/// power; &gt;1000 indicates watts plus 1000". We write % FTP, so the file stays right when the rider's FTP changes.</item>
/// <item>Time steps: duration_type time (0), duration_value = duration_time with scale 1000, i.e. milliseconds.</item>
/// <item>Repeats: duration_type repeat_until_steps_cmplt (6); duration_value = duration_step, "message_index of step
/// to loop back to"; target_value = repeat_steps, "# of repetitions" (the block is ridden that many times in all). Name
/// and intensity are undefined for such a step, so they are written as invalid; target_type is open (2).</item>
/// <item>intensity: active 0, rest 1, warmup 2, cooldown 3.</item>
/// </list>
/// <para>Mapping: a warm-up or cool-down ramp is one step whose range runs from the lower to the higher of its two
/// powers (FIT has no ramp: a device shows the range and ERG trainers hold its middle); a steady step holds the mean
/// of its powers; intervals are an "on" step (active), an "off" step (rest, left out when there is no recovery) and a
/// repeat step (left out for a single repetition). A cadence goes in the step's notes.</para>
/// </summary>
public static class FitWorkoutWriter
{
    private const ushort FileIdMessage = 0, WorkoutMessage = 26, WorkoutStepMessage = 27;
    private const byte FileTypeWorkout = 5, SportCycling = 2;
    private const ushort ManufacturerDevelopment = 255;
    private const byte DurationTime = 0, DurationRepeatUntilStepsComplete = 6;
    private const byte TargetOpen = 2, TargetPower = 4;
    private const byte IntensityActive = 0, IntensityRest = 1, IntensityWarmup = 2, IntensityCooldown = 3;

    // Fixed string sizes (bytes, terminator included) keep every workout_step on one definition.
    private const int NameBytes = 64, StepNameBytes = 16, NotesBytes = 24;

    public static byte[] Write(PlannedWorkout workout, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(workout);
        var steps = Steps(workout.Steps);
        var created = FitFileBuilder.Timestamp(createdAt);
        var fit = new FitFileBuilder();
        fit.Write(0, FileIdMessage,
        [
            FitField.Enum(0, FileTypeWorkout),
            FitField.UInt16(1, ManufacturerDevelopment),
            FitField.UInt16(2, 1),
            // type + manufacturer + product + serial must be unique on a device: the creation time makes it so.
            FitField.UInt32Z(3, Math.Max(1, created)),
            FitField.UInt32(4, created),
        ]);
        fit.Write(1, WorkoutMessage,
        [
            FitField.Enum(4, SportCycling),
            FitField.UInt16(6, (ushort)steps.Count),
            FitField.String(8, workout.Name, NameBytes),
        ]);
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            fit.Write(2, WorkoutStepMessage,
            [
                FitField.UInt16(254, (ushort)i),
                FitField.String(0, s.Name, StepNameBytes),
                FitField.Enum(1, s.DurationType),
                FitField.UInt32(2, s.DurationValue),
                FitField.Enum(3, s.TargetType),
                FitField.UInt32(4, s.TargetValue),
                FitField.UInt32(5, s.Low),
                FitField.UInt32(6, s.High),
                FitField.Enum(7, s.Intensity),
                FitField.String(8, s.Notes, NotesBytes),
            ]);
        }

        return fit.ToArray();
    }

    private sealed record FitStep(string? Name, byte DurationType, uint DurationValue, byte TargetType, uint TargetValue, uint Low, uint High, byte Intensity, string? Notes);

    private static List<FitStep> Steps(IReadOnlyList<WorkoutStep> steps)
    {
        var fit = new List<FitStep>();
        foreach (var step in steps)
        {
            var notes = step.CadenceRpm is { } rpm ? $"{rpm} rpm" : null;
            switch (step.Kind)
            {
                case StepKind.Warmup:
                    fit.Add(Power("Warm-up", step.DurationSeconds, step.PowerLow, step.PowerHigh, IntensityWarmup, notes));
                    break;
                case StepKind.Cooldown:
                    fit.Add(Power("Cool-down", step.DurationSeconds, step.PowerLow, step.PowerHigh, IntensityCooldown, notes));
                    break;
                case StepKind.Steady:
                    var mean = (step.PowerLow + step.PowerHigh) / 2;
                    fit.Add(Power("Steady", step.DurationSeconds, mean, mean, IntensityActive, notes));
                    break;
                case StepKind.Intervals:
                    var first = fit.Count;
                    fit.Add(Power("On", step.DurationSeconds, step.PowerHigh, step.PowerHigh, IntensityActive, notes));
                    if (step.OffDurationSeconds > 0)
                    {
                        fit.Add(Power("Off", step.OffDurationSeconds, step.OffPower, step.OffPower, IntensityRest, null));
                    }

                    if (step.Repeat > 1)
                    {
                        fit.Add(new FitStep(null, DurationRepeatUntilStepsComplete, (uint)first, TargetOpen, (uint)step.Repeat,
                            FitField.InvalidUInt32, FitField.InvalidUInt32, FitField.InvalidEnum, null));
                    }

                    break;
            }
        }

        return fit;
    }

    private static FitStep Power(string name, int seconds, double a, double b, byte intensity, string? notes) =>
        new(name, DurationTime, (uint)seconds * 1000, TargetPower, 0, PercentFtp(Math.Min(a, b)), PercentFtp(Math.Max(a, b)), intensity, notes);

    /// <summary>A <c>workout_power</c> in % FTP: 0–1000 (above that the value would be read as watts + 1000).</summary>
    private static uint PercentFtp(double fractionOfFtp) => (uint)Math.Clamp(Math.Round(fractionOfFtp * 100), 0, 1000);
}
