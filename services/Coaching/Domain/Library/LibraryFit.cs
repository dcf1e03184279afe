using System.Globalization;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Library;

/// <summary>
/// A library session at another length, keeping its main set: longer means more endurance riding (its endurance
/// segments grow, or endurance blocks go around the main set); shorter takes the endurance segments first, then the
/// warm-up and cool-down down to 5 min each, then repeats from the biggest set, one at a time. What is left is the
/// session's shortest form (<see cref="ShortestSeconds"/>): a session never loses its purpose to fit a day.
/// </summary>
public static class LibraryFit
{
    /// <summary>Steady riding between these powers is endurance filler (Coggan level 2 [CL]); recoveries between sets sit lower.</summary>
    private const double FillerLow = 0.56, FillerHigh = 0.75;

    private const double FillerPower = 0.65;
    private const int ShortestRamp = 5 * 60;

    /// <summary>The session at <paramref name="seconds"/> (whole minutes, down), or at its shortest when that is longer.</summary>
    public static PlannedWorkout Fit(LibraryWorkout workout, int seconds)
    {
        var steps = workout.Steps.ToList();
        var delta = seconds / 60 * 60 - WorkoutSteps.TotalSeconds(steps);
        if (delta > 0)
        {
            Lengthen(steps, delta, IsPlain(workout));
        }
        else if (delta < 0)
        {
            Shorten(steps, -delta, IsPlain(workout));
        }

        steps = Merge(steps);
        return new PlannedWorkout(workout.Type, workout.Name, WorkoutSteps.TotalSeconds(steps), workout.Zone, WorkoutSteps.Tss(steps), steps,
            Describe(steps, workout.Purpose), workout.Id);
    }

    public static int ShortestSeconds(LibraryWorkout workout)
    {
        var steps = workout.Steps.ToList();
        Shorten(steps, int.MaxValue, IsPlain(workout));
        return WorkoutSteps.TotalSeconds(steps);
    }

    /// <summary>Warm-up, one steady block, cool-down: a ride (or a recovery spin) whose steady block is all its length.</summary>
    public static bool IsPlain(LibraryWorkout workout) => workout.Steps.Count == 3 && workout.Steps[1].Kind == StepKind.Steady;

    private static bool IsFiller(WorkoutStep s, bool plain) => s.Kind == StepKind.Steady && (plain || (s.PowerLow + s.PowerHigh) / 2 is >= FillerLow and <= FillerHigh);

    private static void Lengthen(List<WorkoutStep> steps, int extra, bool plain)
    {
        var fillers = steps.Select((s, i) => (s, i)).Where(x => IsFiller(x.s, plain)).ToList();
        if (fillers.Count > 0)
        {
            var shares = Share(extra, [.. fillers.Select(f => f.s.DurationSeconds)], capped: false);
            for (var k = 0; k < fillers.Count; k++)
            {
                steps[fillers[k].i] = fillers[k].s with { DurationSeconds = fillers[k].s.DurationSeconds + shares[k] };
            }

            return;
        }

        // Intervals only: endurance blocks either side of the main set (one before the cool-down when under 2 min).
        var before = extra >= 120 ? extra / 120 * 60 : 0;
        steps.Insert(steps.Count - 1, new WorkoutStep(StepKind.Steady, extra - before, FillerPower, FillerPower));
        if (before > 0)
        {
            steps.Insert(1, new WorkoutStep(StepKind.Steady, before, FillerPower, FillerPower));
        }
    }

    private static void Shorten(List<WorkoutStep> steps, int cut, bool plain)
    {
        // 1. Endurance segments, in proportion to what they can give: one between two efforts keeps 5 min, so the
        //    efforts stay apart; the others may go.
        var fillers = steps.Select((s, i) => (s, i)).Where(x => IsFiller(x.s, plain)).ToList();
        var room = fillers.Select(f => f.s.DurationSeconds - (Between(steps, f.i) ? Math.Min(f.s.DurationSeconds, ShortestRamp) : 0)).ToList();
        var fromFillers = (int)Math.Min(cut, room.Sum(r => (long)r));
        if (fromFillers > 0)
        {
            var shares = Share(fromFillers, room, capped: true);
            for (var k = 0; k < fillers.Count; k++)
            {
                steps[fillers[k].i] = fillers[k].s with { DurationSeconds = fillers[k].s.DurationSeconds - shares[k] };
            }

            steps.RemoveAll(s => s.DurationSeconds == 0);
            cut -= fromFillers;
        }

        // 2. Cool-down, then warm-up, to 5 min each.
        foreach (var kind in new[] { StepKind.Cooldown, StepKind.Warmup })
        {
            var i = steps.FindIndex(s => s.Kind == kind);
            if (cut > 0 && i >= 0 && steps[i].DurationSeconds > ShortestRamp)
            {
                var take = Math.Min(cut, steps[i].DurationSeconds - ShortestRamp);
                steps[i] = steps[i] with { DurationSeconds = steps[i].DurationSeconds - take };
                cut -= take;
            }
        }

        // 3. Repeats from the biggest set; a repeat that takes too much gives the rest back to the cool-down.
        while (cut > 0 && steps.Select((s, i) => (s, i)).Where(x => x.s.Kind == StepKind.Intervals && x.s.Repeat > 1).OrderByDescending(x => x.s.Repeat).ThenBy(x => x.i).FirstOrDefault() is { s: not null } set)
        {
            steps[set.i] = set.s with { Repeat = set.s.Repeat - 1 };
            cut -= set.s.DurationSeconds + set.s.OffDurationSeconds;
        }

        if (cut < 0 && steps.FindLastIndex(s => s.Kind == StepKind.Cooldown) is var last and >= 0)
        {
            steps[last] = steps[last] with { DurationSeconds = steps[last].DurationSeconds - cut };
        }
    }

    private static bool Between(List<WorkoutStep> steps, int i) => i > 1 && i < steps.Count - 2;

    /// <summary>
    /// <paramref name="seconds"/> shared in proportion to <paramref name="weights"/> in whole minutes, the rest to the
    /// biggest first; when <paramref name="capped"/> no share exceeds its weight (a step cannot lose more than it has).
    /// </summary>
    private static int[] Share(int seconds, IReadOnlyList<int> weights, bool capped)
    {
        var total = weights.Sum(w => (long)w);
        var shares = weights.Select(w => (int)(seconds / 60 * w / total) * 60).ToArray();
        var rest = seconds - shares.Sum();
        foreach (var k in Enumerable.Range(0, weights.Count).OrderByDescending(k => weights[k]))
        {
            var add = capped ? Math.Min(rest, weights[k] - shares[k]) : rest;
            shares[k] += add;
            rest -= add;
        }

        return shares;
    }

    /// <summary>Neighbouring steady steps at the same power and cadence become one.</summary>
    private static List<WorkoutStep> Merge(List<WorkoutStep> steps)
    {
        var merged = new List<WorkoutStep>();
        foreach (var step in steps)
        {
            if (merged.Count > 0 && merged[^1] is { Kind: StepKind.Steady } previous && step.Kind == StepKind.Steady
                && previous.PowerLow == step.PowerLow && previous.PowerHigh == step.PowerHigh && previous.CadenceRpm == step.CadenceRpm)
            {
                merged[^1] = previous with { DurationSeconds = previous.DurationSeconds + step.DurationSeconds };
            }
            else
            {
                merged.Add(step);
            }
        }

        return merged;
    }

    /// <summary>"75 min: 3 × 12 min at 90 % FTP / 4 min at 55 %, … Purpose."</summary>
    public static string Describe(IReadOnlyList<WorkoutStep> steps, string purpose)
    {
        var main = steps.Where(s => s.Kind is StepKind.Steady or StepKind.Intervals).Select(s => s.Kind == StepKind.Intervals
            ? $"{(s.Repeat > 1 ? $"{s.Repeat} × " : "")}{Time(s.DurationSeconds)} at {Percent(s.PowerHigh)}{Rpm(s)}{(s.OffDurationSeconds > 0 ? $" / {Time(s.OffDurationSeconds)} at {Percent(s.OffPower)}" : "")}"
            : $"{Time(s.DurationSeconds)} at {Percent((s.PowerLow + s.PowerHigh) / 2)}{Rpm(s)}");
        return $"{WorkoutSteps.TotalSeconds(steps) / 60} min: {string.Join(", ", main)} FTP. {purpose}";
    }

    private static string Rpm(WorkoutStep s) => s.CadenceRpm is { } rpm ? $" ({rpm} rpm)" : "";

    private static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string Time(int seconds) => seconds % 60 == 0 ? $"{seconds / 60} min" : seconds < 60 ? $"{seconds} s" : $"{seconds / 60} min {seconds % 60} s";
}
