using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Model;

/// <summary>A ride in the activity store. Source ids are separate from the primary key (DESIGN §11).</summary>
public sealed class Workout
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public WorkoutSource Source { get; init; }
    public string? SourceActivityId { get; init; }
    public required string Name { get; set; }
    public string? Sport { get; set; }

    /// <summary>Start in UTC; <see cref="StartUtcOffsetMinutes"/> keeps the rider's local offset where known.</summary>
    public DateTime StartTimeUtc { get; set; }
    public int? StartUtcOffsetMinutes { get; set; }
    public double DurationSeconds { get; set; }
    public double DistanceMeters { get; set; }
    public double? AveragePower { get; set; }
    public double? AverageHeartRate { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    public DateTimeOffset StartTime
    {
        get
        {
            var offset = TimeSpan.FromMinutes(StartUtcOffsetMinutes ?? 0);
            return new DateTimeOffset(DateTime.SpecifyKind(StartTimeUtc, DateTimeKind.Utc)).ToOffset(offset);
        }
    }

    public WorkoutImported ToImportedEvent() => new(
        Id, Source, SourceActivityId, Name, Sport, StartTime, DurationSeconds, DistanceMeters, AveragePower, AverageHeartRate, Metrics: null);
}
