using CyclingCoach.Sync.Model;
using CyclingCoach.Training.Model;

namespace CyclingCoach.Sync.Import;

/// <summary>Laps as stored on a workout, from a file's lap messages or a source's splits (both as <see cref="LapData"/>).</summary>
public static class WorkoutLaps
{
    public static IReadOnlyList<WorkoutLap>? From(IReadOnlyList<LapData> laps, DateTime? rideStartUtc)
    {
        if (laps.Count == 0)
        {
            return null;
        }

        return laps.Select((lap, i) => new WorkoutLap(
                i + 1,
                lap.StartTimeUtc is { } start && rideStartUtc is { } ride ? Math.Round((start - ride).TotalSeconds, 1) : null,
                lap.TotalElapsedSeconds,
                lap.TotalTimerSeconds,
                lap.TotalDistanceMeters,
                lap.AveragePowerWatts,
                lap.AverageHeartRateBpm))
            .ToList();
    }
}
