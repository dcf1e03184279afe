using CyclingCoach.Coaching.Coach.Plans;

namespace CyclingCoach.Coaching.Coach.Analyses;

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

    /// <summary>The rider's readiness (0–100) on the morning of the ride's date, when wellness was recorded (Coach/Readiness).</summary>
    public double? ReadinessScore { get; init; }

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
