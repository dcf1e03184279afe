using CyclingCoach.Contracts;

namespace CyclingCoach.Sync.Model;

/// <summary>
/// Another source's copy of a stored ride (start ± 60 s, duration ± 10 %), merged into <see cref="WorkoutId"/>.
/// Re-syncs look here before downloading, so a merged duplicate is skipped, never imported twice.
/// </summary>
public sealed class WorkoutAlias
{
    public WorkoutSource Source { get; init; }
    public required string SourceActivityId { get; init; }
    public Guid WorkoutId { get; set; }
    public string? RawSourceJson { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
