using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Model;

/// <summary>One day of wellness from one source; a later pull of the same day replaces <see cref="Metrics"/>.</summary>
public sealed class WellnessDay
{
    public WorkoutSource Source { get; init; }
    public DateOnly Date { get; init; }
    public WellnessMetrics Metrics { get; set; } = new();

    /// <summary>The source's answer for the day (large per-reading arrays left out), to re-read fields later.</summary>
    public string? RawSourceJson { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
