namespace CyclingCoach.Coaching.Model;

/// <summary>The secret of the plan's iCal feed (one row), kept as its SHA-256 only; a new one revokes the old.</summary>
public sealed class CalendarFeed
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public required byte[] TokenHash { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
