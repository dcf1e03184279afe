using CyclingCoach.Contracts;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Coaching.Domain.Analyses;

/// <summary>
/// An FTP estimate from the rider's own rides: the best power at each standard duration over the window (the
/// envelope of the rides' mean-max points), then the Morton 3-parameter CP fit over 2–20 min when it fits well
/// (R² ≥ 0.9, at least 3 durations), else 95 % of the best 20 minutes (peers.md §2.9).
/// </summary>
public static class FtpFromRides
{
    public const double MinimumRSquared = 0.9;

    public static FtpFromRidesEstimate? Estimate(IEnumerable<IReadOnlyList<MeanMaxPoint>> rides)
    {
        var envelope = rides.SelectMany(r => r)
            .Where(p => p.Watts > 0 && double.IsFinite(p.Watts))
            .GroupBy(p => p.DurationSeconds)
            .ToDictionary(g => g.Key, g => g.Max(p => p.Watts));
        var span = envelope.Where(e => e.Key is >= CriticalPowerFitter.DefaultMinSeconds and <= CriticalPowerFitter.DefaultMaxSeconds)
            .OrderBy(e => e.Key).ToList();
        var morton = span.Count >= 3
            ? CriticalPowerFitter.Fit(span.Select(e => (double)e.Key).ToArray(), span.Select(e => e.Value).ToArray())
            : null;
        if (morton is { RSquared: >= MinimumRSquared })
        {
            return new FtpFromRidesEstimate(Math.Round(morton.CpWatts), "morton", envelope.GetValueOrDefault(FtpEstimator.TwentyMinutes));
        }

        return envelope.TryGetValue(FtpEstimator.TwentyMinutes, out var best20)
            ? new FtpFromRidesEstimate(Math.Round(best20 * FtpEstimator.TwentyMinuteFactor), "best_20_min", best20)
            : null;
    }
}

/// <param name="Method">"morton" or "best_20_min".</param>
public sealed record FtpFromRidesEstimate(double FtpWatts, string Method, double Best20MinWatts);
