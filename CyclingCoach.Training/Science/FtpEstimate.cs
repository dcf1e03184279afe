namespace CyclingCoach.Training.Science;

/// <summary>FTP estimates from a mean-max curve (one ride or a best-efforts envelope).</summary>
/// <param name="Best20MinWatts">Best 20 min mean power, when the curve reaches 20 min.</param>
/// <param name="FromBest20MinWatts">0.95 × best 20 min (the 20-minute rule, peers.md §2.9).</param>
/// <param name="Morton">Morton 3-parameter fit on 2–20 min efforts, when it converged; its CP is the other estimate.</param>
public sealed record FtpEstimate(double? Best20MinWatts, double? FromBest20MinWatts, CriticalPowerModel? Morton);
