namespace CyclingCoach.Coaching.Athletes;

/// <summary>"Today" for the rider: the server's local date (a self-hosted coach runs where its rider lives).</summary>
public sealed class CoachClock(TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
