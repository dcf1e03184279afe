using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Domain.Analyses;

/// <summary>
/// The computed facts an analysis starts from. <see cref="Tsb"/> is the form going into the ride's day (the PMC's
/// previous-day convention); <see cref="Ctl"/> and <see cref="Atl"/> include that day's rides. Claims and suggestions
/// cite facts by the names in <see cref="Citable"/> (camelCase property names), so every statement can be traced to a
/// number.
/// </summary>
public sealed record AnalysisFacts(
    Guid WorkoutId,
    DateOnly Date,
    string Name,
    double DurationSeconds,
    double DistanceMeters,
    double? TrainingStressScore,
    double? IntensityFactor,
    double? NormalizedPowerWatts,
    double? AveragePowerWatts,
    double? AverageHeartRateBpm,
    double? FtpWatts,
    PlannedSessionFacts? Planned,
    double? CompliancePercent,
    double Ctl,
    double Atl,
    double Tsb)
{
    /// <summary>The plan had the ride's date as a rest day (then <see cref="Planned"/> and <see cref="CompliancePercent"/> are null).</summary>
    public bool PlannedRestDay { get; init; }

    /// <summary>The rider's LTHR on the ride's date: rides without power are judged on heart rate against it.</summary>
    public double? LactateThresholdHeartRateBpm { get; init; }

    /// <summary>The rider's readiness (0–100) on the morning of the ride's date, when wellness was recorded (Domain/Readiness).</summary>
    public double? ReadinessScore { get; init; }

    /// <summary>The load of the rides earlier the same day (0 when this is the day's first ride; null when not known).</summary>
    public double? EarlierTssThatDay { get; init; }

    /// <summary>
    /// The ride's numbers look impossible (<see cref="CoachingPrinciples.IsImplausible"/>): it is held out of the load
    /// (fitness, the day's TSS) until the rider says whether the FTP or the file is wrong.
    /// </summary>
    public bool LoadHeld { get; init; }

    /// <summary>The ride's best 20 and 60 minutes of power (its mean-max curve), when it has power that long.</summary>
    public double? Best20MinWatts { get; init; }

    public double? Best60MinWatts { get; init; }

    /// <summary>Days from the last FTP change (the threshold period that set the FTP in effect) to the ride.</summary>
    public double? DaysSinceFtpChange { get; init; }

    /// <summary>Rides at IF ≥ <see cref="CoachingPrinciples.HardRideIntensityFactor"/> since the last FTP change, this one included.</summary>
    public double? HardRidesSinceFtpChange { get; init; }

    /// <summary>Rides in the last 14 days (this one included) whose best 20 minutes × 0.95 is at least FTP + 3 %.</summary>
    public double? StrongEffortsLast14Days { get; init; }

    /// <summary>The day's load with this ride: the rides before it plus its own (nothing when it is held).</summary>
    public double? DayTss => EarlierTssThatDay is { } earlier ? Math.Round(earlier + (LoadHeld ? 0 : TrainingStressScore ?? 0), 1) : null;

    /// <summary>The day's load beyond what the plan had for it (the whole day on a planned rest day); null outside a plan.</summary>
    public double? UnplannedTss => DayTss is { } day && (PlannedRestDay || Planned is not null)
        ? Math.Round(Math.Max(0, day - (Planned?.TargetTss ?? 0)), 1)
        : null;

    /// <summary>Form going into the next day: CTL − ATL after this day's rides.</summary>
    public double TsbAfter => Math.Round(Ctl - Atl, 1);

    /// <summary>
    /// <see cref="Tsb"/> as a share of CTL (a TSB of −30 weighs more at CTL 40 than at CTL 100); null below
    /// <see cref="CoachingPrinciples.FatigueRatioMinCtl"/>, where it says nothing.
    /// </summary>
    public double? TsbToCtl => Ctl >= CoachingPrinciples.FatigueRatioMinCtl ? Math.Round(Tsb / Ctl, 2) : null;

    /// <summary>TSS per hour: 100 × IF² for a ride with power (IF 1.05 is 110 an hour).</summary>
    public double? TssPerHour => TrainingStressScore is { } tss && DurationSeconds > 0 ? Math.Round(tss / (DurationSeconds / 3600), 1) : null;

    /// <summary>Every numeric fact by name; null facts are absent (they cannot be cited).</summary>
    public IReadOnlyDictionary<string, double> Citable
    {
        get
        {
            var facts = new Dictionary<string, double>
            {
                ["durationSeconds"] = DurationSeconds,
                ["distanceMeters"] = DistanceMeters,
                ["ctl"] = Ctl,
                ["atl"] = Atl,
                ["tsb"] = Tsb,
                ["tsbAfter"] = TsbAfter,
            };
            void Add(string name, double? value)
            {
                if (value is { } v)
                {
                    facts[name] = v;
                }
            }

            Add("trainingStressScore", TrainingStressScore);
            Add("intensityFactor", IntensityFactor);
            Add("normalizedPowerWatts", NormalizedPowerWatts);
            Add("averagePowerWatts", AveragePowerWatts);
            Add("averageHeartRateBpm", AverageHeartRateBpm);
            Add("ftpWatts", FtpWatts);
            Add("lactateThresholdHeartRateBpm", LactateThresholdHeartRateBpm);
            Add("compliancePercent", CompliancePercent);
            Add("readinessScore", ReadinessScore);
            Add("plannedDurationSeconds", Planned?.DurationSeconds);
            Add("plannedTss", Planned?.TargetTss);
            Add("dayTss", DayTss);
            Add("unplannedTss", UnplannedTss);
            Add("tsbToCtl", TsbToCtl);
            Add("tssPerHour", TssPerHour);
            Add("best20MinWatts", Best20MinWatts);
            Add("best60MinWatts", Best60MinWatts);
            Add("daysSinceFtpChange", DaysSinceFtpChange);
            Add("hardRidesSinceFtpChange", HardRidesSinceFtpChange);
            Add("strongEffortsLast14Days", StrongEffortsLast14Days);
            return facts;
        }
    }
}

/// <summary>The session the plan had for the ride's day.</summary>
public sealed record PlannedSessionFacts(WorkoutType Type, string Name, double DurationSeconds, double TargetTss);

/// <summary>The coach's feedback on a ride. Every claim and suggestion names the facts it used.</summary>
public sealed record CoachFeedback(
    string Summary,
    IReadOnlyList<CoachClaim> Strengths,
    IReadOnlyList<CoachClaim> Improvements,
    IReadOnlyList<PlanSuggestion> Suggestions);

public sealed record CoachClaim(string Text, IReadOnlyList<string> Cites);

public sealed record PlanSuggestion(PlanOperation Operation, string Reason, IReadOnlyList<string> Cites);
