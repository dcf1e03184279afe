namespace CyclingCoach.Coaching.Model;

/// <summary>
/// The rider's thresholds from <see cref="EffectiveFrom"/> on. Rows are never changed: a new value is a new row, and
/// for one date the newest row wins, so the history of what the rider entered stays readable.
/// </summary>
public sealed class AthleteThresholdPeriod
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateOnly EffectiveFrom { get; init; }
    public double? FtpWatts { get; init; }
    public double? WeightKg { get; init; }
    public int? LactateThresholdHeartRateBpm { get; init; }
    public int? MaxHeartRateBpm { get; init; }
    public int? RestingHeartRateBpm { get; init; }

    /// <summary>"user" or "suggestion:&lt;analysis id&gt;".</summary>
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
