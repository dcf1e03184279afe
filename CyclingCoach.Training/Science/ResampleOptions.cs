namespace CyclingCoach.Training.Science;

/// <summary>Options for <see cref="RideResampler"/>.</summary>
/// <param name="MaxGapSeconds">
/// Gaps between samples up to this length (seconds between the two samples) are interpolated linearly; longer gaps are
/// pauses (stopped). 10 s by default, the same order as device auto-pause and GoldenCheetah's "fix gaps" tool.
/// </param>
/// <param name="MovingSpeedThresholdMps">Speed at or above which a recorded second counts as moving (0.5 m/s = 1.8 km/h).</param>
/// <param name="MaxSeconds">Upper bound on the timeline length, a guard against corrupt timestamps (default 7 days).</param>
public sealed record ResampleOptions(
    int MaxGapSeconds = 10,
    double MovingSpeedThresholdMps = 0.5,
    int MaxSeconds = 7 * 24 * 3600)
{
    public static ResampleOptions Default { get; } = new();
}
