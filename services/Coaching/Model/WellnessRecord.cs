using CyclingCoach.Contracts;

namespace CyclingCoach.Coaching.Model;

/// <summary>One day of wellness from one source, as Sync last sent it (<see cref="WellnessRecorded"/>).</summary>
public sealed class WellnessRecord
{
    public DateOnly Date { get; init; }
    public WorkoutSource Source { get; init; }
    public WellnessMetrics Metrics { get; set; } = new();
    public DateTime RecordedAt { get; set; }
}

/// <summary>The one readiness suggestion of a day (its primary key is the date: a day gets at most one).</summary>
public sealed class ReadinessSuggestionDay
{
    public DateOnly Date { get; init; }
    public Guid AnalysisId { get; init; }
}
