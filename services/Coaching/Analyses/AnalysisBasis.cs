using System.Linq.Expressions;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Model;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// The ride's numbers that depend on the thresholds, as an analysis used them (its facts) or as the ride has them now
/// (the projection, which follows <c>WorkoutMetricsRecalculated</c>). When the two differ the analysis is stale: an
/// open one is analysed again, a decided one is marked (<see cref="AnalysisRefresh"/>).
/// </summary>
/// <param name="TrainingStressScore">The ride's load (TSS, else HRSS or the estimate), as fitness counts it.</param>
/// <param name="FtpWatts">The FTP the ride's numbers were computed with.</param>
public sealed record AnalysisBasis(double? TrainingStressScore, double? IntensityFactor, double? FtpWatts)
{
    public static AnalysisBasis Of(AnalysisFacts facts) => new(facts.TrainingStressScore, facts.IntensityFactor, facts.FtpWatts);

    /// <summary>A ride's numbers now, keyed by its id, as a query selects them (the columns read in SQL).</summary>
    public static Expression<Func<WorkoutProjection, KeyValuePair<Guid, AnalysisBasis>>> ByRide { get; } =
        w => new KeyValuePair<Guid, AnalysisBasis>(w.WorkoutId, new AnalysisBasis(w.TrainingLoad ?? w.TrainingStressScore, w.IntensityFactor, w.FtpUsedWatts));

    private static readonly Func<WorkoutProjection, KeyValuePair<Guid, AnalysisBasis>> ByRideCompiled = ByRide.Compile();

    public static AnalysisBasis Of(WorkoutProjection ride) => ByRideCompiled(ride).Value;

    /// <summary>
    /// True when the ride's load or IF moved beyond rounding, or the FTP it was computed with changed. A ride without
    /// an FTP of its own (heart rate only) is not stale because the FTP alone changed: nothing of it depends on it.
    /// </summary>
    public bool DiffersFrom(AnalysisBasis now) =>
        Moved(TrainingStressScore, now.TrainingStressScore, 0.05)
        || Moved(IntensityFactor, now.IntensityFactor, 0.0005)
        || (now.FtpWatts is { } ftp && FtpWatts != ftp);

    private static bool Moved(double? before, double? now, double tolerance) =>
        before is { } b && now is { } n ? Math.Abs(b - n) > tolerance : before.HasValue != now.HasValue;
}
