namespace CyclingCoach.Sync.Model;

/// <summary>One lap as the recording or the source wrote it (stored as jsonb); <see cref="StartSecond"/> is seconds after the ride's start.</summary>
public sealed record WorkoutLap(
    int Index,
    double? StartSecond,
    double? ElapsedSeconds,
    double? TimerSeconds,
    double? DistanceMeters,
    double? AveragePowerWatts,
    double? AverageHeartRateBpm);
