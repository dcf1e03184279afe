namespace CyclingCoach.Sync.PlanPush;

/// <summary>
/// A calendar refused or failed one session; the message is the status the rider sees (never a key or token).
/// <paramref name="RetryAfter"/>: the calendar's own wait (a 429's Retry-After, Garmin's cooldown), when it gave one.
/// </summary>
public sealed class CalendarPushException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
