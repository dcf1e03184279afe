using CyclingCoach.Contracts;

namespace CyclingCoach.Coaching.Model;

/// <summary>Coaching's own copy of a workout, built from <see cref="WorkoutImported"/> (no service reads another's database).</summary>
public sealed class WorkoutProjection
{
    /// <summary>The Sync service's workout id (the natural key of the projection).</summary>
    public Guid WorkoutId { get; init; }
    public WorkoutSource Source { get; set; }
    public required string Name { get; set; }
    public string? Sport { get; set; }
    public DateTime StartTimeUtc { get; set; }
    public int StartUtcOffsetMinutes { get; set; }
    public double DurationSeconds { get; set; }
    public double DistanceMeters { get; set; }
    public double? AveragePower { get; set; }
    public double? AverageHeartRate { get; set; }
    public double? NormalizedPower { get; set; }
    public double? TrainingStressScore { get; set; }
    public double? IntensityFactor { get; set; }
    public DateTime ReceivedAt { get; set; } = DateTime.UtcNow;

    public void Apply(WorkoutImported message)
    {
        Source = message.Source;
        Name = message.Name;
        Sport = message.Sport;
        StartTimeUtc = message.StartTime.UtcDateTime;
        StartUtcOffsetMinutes = (int)message.StartTime.Offset.TotalMinutes;
        DurationSeconds = message.DurationSeconds;
        DistanceMeters = message.DistanceMeters;
        AveragePower = message.AveragePowerWatts;
        AverageHeartRate = message.AverageHeartRateBpm;
        NormalizedPower = message.Metrics?.NormalizedPowerWatts;
        TrainingStressScore = message.Metrics?.TrainingStressScore;
        IntensityFactor = message.Metrics?.IntensityFactor;
        ReceivedAt = DateTime.UtcNow;
    }
}
