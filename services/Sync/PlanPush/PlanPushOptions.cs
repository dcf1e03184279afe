namespace CyclingCoach.Sync.PlanPush;

/// <summary><c>Sync:PlanPush:*</c>: how often the push worker looks for due sessions and how failures back off.</summary>
public sealed class PlanPushOptions
{
    public double PollSeconds { get; set; } = 10;

    /// <summary>A failed session waits Base · 2^(attempts − 1) seconds, at most Max (or the calendar's own Retry-After / cooldown when longer).</summary>
    public double RetryBaseSeconds { get; set; } = 30;
    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>How long a worker holds a session; a dead worker's session is taken up again after it.</summary>
    public double LeaseSeconds { get; set; } = 300;

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(RetryMaxSeconds, RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
