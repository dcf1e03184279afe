namespace CyclingCoach.Coaching.Plans;

/// <summary>Section <c>Coaching:Plans</c>.</summary>
public sealed class PlanOptions
{
    /// <summary>Make the next plan version when a new week starts (the 4-week plan is a rolling window onto the season).</summary>
    public bool RollForward { get; set; } = true;

    /// <summary>How often the roller looks whether the window has moved (it acts once a week at most).</summary>
    public TimeSpan RollCheckInterval { get; set; } = TimeSpan.FromHours(1);
}
