namespace CyclingCoach.Sync.IntervalsIcu;

/// <summary><c>IntervalsIcu:*</c>. Credentials set through <c>PUT /api/sync/intervals</c> win over these.</summary>
public sealed class IntervalsIcuOptions
{
    public string BaseUrl { get; set; } = "https://intervals.icu";
    public string? ApiKey { get; set; }
    public string? AthleteId { get; set; }

    /// <summary>How often a 429 is waited out (Retry-After, capped by <see cref="MaxRetryAfterSeconds"/>) before the request fails.</summary>
    public int MaxRateLimitRetries { get; set; } = 3;
    public double MaxRetryAfterSeconds { get; set; } = 60;
    public double TimeoutSeconds { get; set; } = 100;
}
