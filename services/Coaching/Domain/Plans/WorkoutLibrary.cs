using CyclingCoach.Coaching.Domain.Library;

namespace CyclingCoach.Coaching.Domain.Plans;

/// <summary>
/// Builds the structured session for a type and a length: warm-up, the main set, cool-down. Used by
/// <c>ChangeIntensity</c> and <c>Replace</c> operations and reactions, and to repair a plan; the built-in coach picks its
/// sessions from the curated library (<see cref="LibraryChooser"/>), which <see cref="Resize"/> keeps.
/// Powers are fractions of FTP (Coggan: Z1 &lt; 0.55, Z2 0.56–0.75, Z3 0.76–0.90, Z4 0.91–1.05, Z5 1.06–1.20, Z6 1.21–1.50).
/// </summary>
public static class WorkoutLibrary
{
    public const int MinimumSeconds = 20 * 60;

    public static PlannedWorkout Build(WorkoutType type, int durationSeconds)
    {
        var total = Math.Max(MinimumSeconds, durationSeconds / 60 * 60);
        var (zone, name) = Describe(type);
        var steps = Steps(type, total);
        return new PlannedWorkout(type, name, WorkoutSteps.TotalSeconds(steps), zone, WorkoutSteps.Tss(steps), steps, Description(type, steps));
    }

    /// <summary>
    /// The same session at another length: a library session keeps its main set (<see cref="LibraryFit"/>), any other
    /// is rebuilt for its type (the main set grows or shrinks; warm-up and cool-down stay).
    /// </summary>
    public static PlannedWorkout Resize(PlannedWorkout workout, int durationSeconds) => WorkoutCatalogue.Find(workout.LibraryId) is { } session
        ? LibraryFit.Fit(session, Math.Max(MinimumSeconds, durationSeconds))
        : Build(workout.Type, durationSeconds);

    /// <summary>The power zone a session of this type is built around.</summary>
    public static int Zone(WorkoutType type) => Describe(type).Zone;

    private static (int Zone, string Name) Describe(WorkoutType type) => type switch
    {
        WorkoutType.Recovery => (1, "Recovery spin"),
        WorkoutType.Endurance => (2, "Endurance ride"),
        WorkoutType.LongRide => (2, "Long ride"),
        WorkoutType.Tempo => (3, "Tempo"),
        WorkoutType.SweetSpot => (4, "Sweet spot intervals"),
        WorkoutType.Threshold => (4, "Threshold intervals"),
        WorkoutType.Vo2Max => (5, "VO2max intervals"),
        WorkoutType.Anaerobic => (6, "Anaerobic intervals"),
        WorkoutType.Sprint => (7, "Sprints"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static List<WorkoutStep> Steps(WorkoutType type, int total)
    {
        // Ten minutes each way, less for short sessions so the main set never vanishes (a 20-min session: 5 + 10 + 5).
        var warm = Math.Min(10 * 60, total / 4 / 60 * 60);
        var cool = warm;
        var main = total - warm - cool;
        var steps = new List<WorkoutStep> { new(StepKind.Warmup, warm, 0.45, 0.70) };
        switch (type)
        {
            case WorkoutType.Recovery:
                steps.Add(new WorkoutStep(StepKind.Steady, main, 0.50, 0.50));
                break;
            case WorkoutType.Endurance or WorkoutType.LongRide:
                steps.Add(new WorkoutStep(StepKind.Steady, main, 0.65, 0.65));
                break;
            case WorkoutType.Tempo:
                // At most three 15-min blocks [E]: a longer tempo session is endurance with tempo blocks, not a grey-zone slog.
                AddIntervals(steps, main, on: 15 * 60, off: 5 * 60, onPower: 0.83, offPower: 0.60, most: 3);
                break;
            case WorkoutType.SweetSpot:
                AddIntervals(steps, main, on: 12 * 60, off: 4 * 60, onPower: 0.90, offPower: 0.55);
                break;
            case WorkoutType.Threshold:
                AddIntervals(steps, main, on: 8 * 60, off: 4 * 60, onPower: 1.00, offPower: 0.55);
                break;
            case WorkoutType.Vo2Max:
                AddIntervals(steps, main, on: 3 * 60, off: 3 * 60, onPower: 1.15, offPower: 0.50);
                break;
            case WorkoutType.Anaerobic:
                AddIntervals(steps, main, on: 60, off: 4 * 60, onPower: 1.35, offPower: 0.50);
                break;
            case WorkoutType.Sprint:
                AddIntervals(steps, main, on: 15, off: 285, onPower: 1.80, offPower: 0.50);
                break;
        }

        steps.Add(new WorkoutStep(StepKind.Cooldown, cool, 0.60, 0.40));
        return steps;
    }

    /// <summary>Race openers for the last days before an event, from the library (coaching.md §4: intensity kept in the taper [MP, BO]).</summary>
    public static PlannedWorkout Openers() => WorkoutCatalogue.Openers.ToPlanned();

    /// <summary>As many repeats as fit (at most 8 hard efforts for the short ones, or <paramref name="most"/>); the rest of the main set at endurance.</summary>
    private static void AddIntervals(List<WorkoutStep> steps, int main, int on, int off, double onPower, double offPower, int? most = null)
    {
        var repeats = Math.Clamp(main / (on + off), 1, most ?? (on < 5 * 60 ? 8 : 6));
        var rest = main - repeats * (on + off);
        if (rest < 0)
        {
            on = Math.Max(60, main / 2);
            off = main - on;
            rest = 0;
            repeats = 1;
        }

        if (rest >= 60)
        {
            steps.Add(new WorkoutStep(StepKind.Steady, rest / 2, 0.65, 0.65));
        }

        steps.Add(new WorkoutStep(StepKind.Intervals, on, onPower, onPower, repeats, off, offPower));
        if (rest >= 60)
        {
            steps.Add(new WorkoutStep(StepKind.Steady, rest - rest / 2, 0.65, 0.65));
        }
        else if (rest > 0)
        {
            steps.Add(new WorkoutStep(StepKind.Steady, rest, 0.60, 0.60));
        }
    }

    private static string Description(WorkoutType type, IReadOnlyList<WorkoutStep> steps)
    {
        var set = steps.FirstOrDefault(s => s.Kind == StepKind.Intervals);
        var minutes = WorkoutSteps.TotalSeconds(steps) / 60;
        return set is null
            ? $"{minutes} min, steady in zone {Describe(type).Zone}."
            : $"{minutes} min: {set.Repeat} × {Format(set.DurationSeconds)} at {set.PowerHigh:P0} FTP with {Format(set.OffDurationSeconds)} easy.";
    }

    private static string Format(int seconds) => seconds % 60 == 0 ? $"{seconds / 60} min" : $"{seconds} s";
}
