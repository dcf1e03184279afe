using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Library;

/// <summary>
/// The built-in coach's pick from the library for a session it has placed: by purpose (the workout type the week
/// asks for), time available (the session's length) and progression (the rider's level in that energy system).
/// <list type="bullet">
/// <item>Endurance, long rides and recovery spins: the plain sessions, the longest that fits the time, fitted to it.</item>
/// <item>Quality sessions: among the sessions of that type that fit the time, the hardest at or under the rider's level
/// (the longest of those); none that easy → the easiest that fits; none fits → the shortest, shortened.</item>
/// </list>
/// </summary>
public static class LibraryChooser
{
    public static PlannedWorkout Choose(WorkoutType type, int seconds, int level)
    {
        var candidates = Candidates(type);
        var fits = candidates.Where(w => w.DurationSeconds <= seconds).ToList();
        LibraryWorkout pick;
        if (fits.Count == 0)
        {
            pick = candidates.MinBy(w => w.DurationSeconds)!;
        }
        else if (type is WorkoutType.Endurance or WorkoutType.LongRide or WorkoutType.Recovery)
        {
            pick = fits.MaxBy(w => w.DurationSeconds)!;
        }
        else
        {
            pick = fits.Where(w => w.Level <= level).OrderByDescending(w => w.Level).ThenByDescending(w => w.DurationSeconds).ThenBy(w => w.Id, StringComparer.Ordinal).FirstOrDefault()
                   ?? fits.OrderBy(w => w.Level).ThenByDescending(w => w.DurationSeconds).ThenBy(w => w.Id, StringComparer.Ordinal).First();
        }

        return LibraryFit.Fit(pick, seconds);
    }

    /// <summary>The sessions the built-in coach uses for a type (the others are there for the rider and the LLM coach).</summary>
    public static IReadOnlyList<LibraryWorkout> Candidates(WorkoutType type) => ByType[type];

    private static readonly Dictionary<WorkoutType, List<LibraryWorkout>> ByType = Enum.GetValues<WorkoutType>().ToDictionary(t => t, t => WorkoutCatalogue.All.Where(w => w.Type == t && w != WorkoutCatalogue.Openers && Category(t) is { } c && w.Category == c && (!IsSteady(t) || LibraryFit.IsPlain(w))).ToList());

    private static LibraryCategory? Category(WorkoutType type) => type switch
    {
        WorkoutType.Recovery => LibraryCategory.Recovery,
        WorkoutType.Endurance => LibraryCategory.Endurance,
        WorkoutType.LongRide => LibraryCategory.LongRide,
        WorkoutType.Tempo => LibraryCategory.Tempo,
        WorkoutType.SweetSpot => LibraryCategory.SweetSpot,
        WorkoutType.Threshold => LibraryCategory.Threshold,
        WorkoutType.Vo2Max => LibraryCategory.Vo2Max,
        WorkoutType.Anaerobic => LibraryCategory.Anaerobic,
        WorkoutType.Sprint => LibraryCategory.Sprints,
        _ => null,
    };

    private static bool IsSteady(WorkoutType type) => type is WorkoutType.Endurance or WorkoutType.LongRide or WorkoutType.Recovery;
}
