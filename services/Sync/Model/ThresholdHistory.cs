namespace CyclingCoach.Sync.Model;

/// <summary>The stored threshold periods (oldest first) and the <c>AthleteProfileChanged</c> version they came from.</summary>
public sealed record ThresholdHistory(int Version, IReadOnlyList<AthleteThresholdPeriod> Periods)
{
    public static ThresholdHistory None { get; } = new(0, []);

    /// <summary>The period in effect on <paramref name="date"/>: the last one starting on or before it (none before the first).</summary>
    public AthleteThresholdPeriod? On(DateOnly date)
    {
        AthleteThresholdPeriod? found = null;
        foreach (var p in Periods)
        {
            if (p.EffectiveFrom > date)
            {
                break;
            }

            found = p;
        }

        return found;
    }
}
