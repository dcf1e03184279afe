namespace CyclingCoach.Sync.Wellness;

/// <summary><c>Sync:Wellness:*</c>: how many days of wellness a sync run pulls.</summary>
public sealed class WellnessOptions
{
    public const string SectionName = "Sync:Wellness";

    public bool Enabled { get; set; } = true;

    /// <summary>Every run pulls at least the last N days (today included): recent days change as the watch syncs.</summary>
    public int Days { get; set; } = 7;

    /// <summary>A run whose window starts earlier pulls from there, but never more than this many days back.</summary>
    public int MaxDays { get; set; } = 90;
}
