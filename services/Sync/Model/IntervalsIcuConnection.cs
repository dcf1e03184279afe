namespace CyclingCoach.Sync.Model;

/// <summary>intervals.icu credentials set through <c>PUT /api/sync/intervals</c> (one row); they win over configuration.</summary>
public sealed class IntervalsIcuConnection
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public required string AthleteId { get; set; }

    /// <summary>The API key, Data Protection ciphertext when <see cref="KeyProtected"/>, else as entered.</summary>
    public required string ApiKey { get; set; }
    public bool KeyProtected { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
