using CyclingCoach.Contracts;

namespace CyclingCoach.Coaching.Model;

/// <summary>The rider's bike and weekly availability (one row); <see cref="Version"/> counts every profile change.</summary>
public sealed class AthleteProfile
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public int Version { get; set; }
    public BikeProfile? Bike { get; set; }

    /// <summary>Hours available per weekday (Monday first, 7 entries); null = not said.</summary>
    public double[]? WeeklyAvailabilityHours { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
