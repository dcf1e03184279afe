using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Analyses;

/// <summary>
/// Planned versus done for one day, and the facts of an analysis built from a ride and the plan.
/// <para>
/// Compliance of a day with planned sessions is <c>100 × min(done, planned) / max(done, planned)</c>, measured on TSS
/// when the ride's TSS is known and the day's planned TSS is above zero, otherwise on duration; the day's sessions
/// are summed. Doing less and doing far more both lower it: half the planned TSS scores 50, twice the planned TSS
/// scores 50 too. A kept rest day scores 100; a ridden rest day has no score (flagged); a day outside any plan has none.
/// </para>
/// </summary>
public static class Compliance
{
    public static double? Percent(PlanDay? planned, double doneSeconds, double? doneTss) => Assess(planned, doneSeconds, doneTss).Percent;

    public static ComplianceResult Assess(PlanDay? planned, double doneSeconds, double? doneTss)
    {
        if (planned is null)
        {
            return new ComplianceResult(null, ComplianceStatus.NoPlan, null);
        }

        var ridden = doneSeconds > 0;
        if (planned.IsRest)
        {
            return ridden
                ? new ComplianceResult(null, ComplianceStatus.RestDayRidden, null)
                : new ComplianceResult(100, ComplianceStatus.Scored, ComplianceBasis.Duration);
        }

        var plannedTss = planned.Workouts.Sum(w => w.TargetTss);
        var (basis, plan, done) = UsesTss(plannedTss, doneTss)
            ? (ComplianceBasis.Tss, plannedTss, doneTss!.Value)
            : (ComplianceBasis.Duration, planned.DurationSeconds, Math.Max(0, doneSeconds));
        if (plan <= 0)
        {
            return new ComplianceResult(null, ComplianceStatus.NoPlan, null);
        }

        return new ComplianceResult(Math.Round(100 * Math.Min(done, plan) / Math.Max(done, plan), 1), ComplianceStatus.Scored, basis);
    }

    /// <summary>Whether compliance is measured on TSS (both known, planned above zero) rather than on duration.</summary>
    public static bool UsesTss(double? plannedTss, double? doneTss) => plannedTss > 0 && doneTss is >= 0;

    /// <summary>
    /// The facts of an analysis. <see cref="AnalysisFacts.Planned"/> describes the day's sessions together: the
    /// longest one's type, the names joined, durations and TSS summed. Compliance uses this ride alone.
    /// </summary>
    public static AnalysisFacts BuildFacts(RideNumbers ride, TrainingPlan? plan, double ctl, double atl, double tsb)
    {
        var day = plan?.Day(ride.Date);
        var compliance = Assess(day, ride.DurationSeconds, ride.TrainingStressScore);
        PlannedSessionFacts? planned = day is { IsRest: false }
            ? new PlannedSessionFacts(
                day.Workouts.MaxBy(w => w.DurationSeconds)!.Type,
                string.Join(" + ", day.Workouts.Select(w => w.Name)),
                day.DurationSeconds,
                Math.Round(day.Workouts.Sum(w => w.TargetTss), 1))
            : null;

        return new AnalysisFacts(
            ride.WorkoutId,
            ride.Date,
            ride.Name,
            ride.DurationSeconds,
            ride.DistanceMeters,
            ride.TrainingStressScore,
            ride.IntensityFactor,
            ride.NormalizedPowerWatts,
            ride.AveragePowerWatts,
            ride.AverageHeartRateBpm,
            ride.FtpWatts,
            planned,
            compliance.Percent,
            ctl,
            atl,
            tsb)
        {
            PlannedRestDay = day is { IsRest: true },
            LactateThresholdHeartRateBpm = ride.LactateThresholdHeartRateBpm,
        };
    }
}

/// <param name="Basis">What was compared; null when there is no score.</param>
public sealed record ComplianceResult(double? Percent, ComplianceStatus Status, ComplianceBasis? Basis);

public enum ComplianceStatus
{
    /// <summary>A score in <see cref="ComplianceResult.Percent"/>.</summary>
    Scored,

    /// <summary>No plan covers the day.</summary>
    NoPlan,

    /// <summary>The plan said rest and the rider rode.</summary>
    RestDayRidden,
}

public enum ComplianceBasis
{
    Tss,
    Duration,
}

/// <summary>A ride's numbers and the thresholds in effect on its date, as the caller has them.</summary>
public sealed record RideNumbers(
    Guid WorkoutId,
    DateOnly Date,
    string Name,
    double DurationSeconds,
    double DistanceMeters,
    double? TrainingStressScore = null,
    double? IntensityFactor = null,
    double? NormalizedPowerWatts = null,
    double? AveragePowerWatts = null,
    double? AverageHeartRateBpm = null,
    double? FtpWatts = null,
    double? LactateThresholdHeartRateBpm = null);
