using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Library;

/// <summary>
/// Progression levels 1–10 per energy system, the way TrainerRoad grades workouts and riders (research/peers.md:
/// "progression levels 1-10"). A session's level is the time it holds at or above its system's floor (Coggan's level
/// boundaries [CL]; sweet spot from 88 % [CL, TR]), one level per <c>unit</c> of that time [E: chosen so the library's
/// sessions spread over 1–10]; endurance rides by their hours (2 levels an hour) and their tempo minutes.
/// A rider's level starts from fitness (<see cref="Start"/>) and rises one level a build week in each system the week
/// trains (TrainerRoad raises a level after a productive workout [TR: Adaptive Training]; one a week is [E]).
/// </summary>
public static class ProgressionLevels
{
    public const int Lowest = 1, Highest = 10;

    /// <summary>The energy systems that progress: each workout type maps to one (long rides and recovery to endurance).</summary>
    public static WorkoutType System(WorkoutType type) => type is WorkoutType.LongRide or WorkoutType.Recovery ? WorkoutType.Endurance : type;

    public static int Of(WorkoutType type, IReadOnlyList<WorkoutStep> steps)
    {
        double AtOrAbove(double floor) => WorkoutSteps.TotalSeconds(steps) - WorkoutSteps.SecondsAtOrBelow(steps, floor - 0.001);
        var level = type switch
        {
            WorkoutType.Recovery => 1,
            WorkoutType.Endurance or WorkoutType.LongRide => WorkoutSteps.TotalSeconds(steps) / 3600.0 * 2 + AtOrAbove(0.76) / (15 * 60),
            WorkoutType.Tempo => AtOrAbove(0.76) / (9 * 60),
            WorkoutType.SweetSpot => AtOrAbove(0.88) / (7 * 60),
            WorkoutType.Threshold => AtOrAbove(0.95) / (5 * 60),
            WorkoutType.Vo2Max => AtOrAbove(1.06) / 150,
            WorkoutType.Anaerobic => AtOrAbove(1.21) / 72,
            WorkoutType.Sprint => AtOrAbove(1.50) / 15,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
        return Math.Clamp((int)Math.Round(level, MidpointRounding.AwayFromZero), Lowest, Highest);
    }

    /// <summary>
    /// Where a rider starts in every system without earlier planned sessions to go on: a tenth of CTL plus one, between
    /// 2 and 8 [E, tuned on the scenario suite: CTL 30 → 4, 60 → 7, so a week's quality sessions carry the intensity its
    /// TSS needs in the hours a cautious coach gives; nobody starts at the top].
    /// </summary>
    public static int Start(double ctl) => Math.Clamp((int)Math.Round(ctl / 10, MidpointRounding.AwayFromZero) + 1, 2, 8);
}
