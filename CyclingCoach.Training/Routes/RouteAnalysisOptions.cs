namespace CyclingCoach.Training.Routes;

/// <summary>
/// Route analysis settings (peers.md §4.1–4.2). Defaults: resample every 20 m; centred moving average of the
/// elevation over 60 m; grade over a 200 m centred window (both for classifying and for the "max sustained" grade);
/// 3 m hysteresis for gain/loss; workout-tracker's climb state machine (start at ≥ 2 %, stay while ≥ 1 %, a pause of
/// up to 200 m or 10 m of drop, keep when ≥ 300 m long, ≥ 20 m gain and ≥ 2 % on average; mirrored for descents); gaps shorter than
/// 200 m are merged into the preceding section; flat/rolling stretches are split every 10 km; a stretch is flat when
/// it has at most 10 m of ups and downs per km and no grade (over the window) of 3 % or more.
/// </summary>
public sealed record RouteAnalysisOptions(
    double SpacingMeters = 20,
    double SmoothingWindowMeters = 60,
    double GradeWindowMeters = 200,
    double SustainedGradeWindowMeters = 200,
    double HysteresisMeters = 3,
    double ClimbStartGradePercent = 2,
    double ClimbContinueGradePercent = 1,
    double ClimbMaxPauseMeters = 200,
    double ClimbMaxPauseDropMeters = 10,
    double ClimbMinLengthMeters = 300,
    double ClimbMinGainMeters = 20,
    double ClimbMinAverageGradePercent = 2,
    double MinSectionMeters = 200,
    double MaxFlatSectionMeters = 10_000,
    double FlatMaxReliefMetersPerKm = 10,
    double FlatMaxGradePercent = 3,
    int MaxProfilePoints = 1000)
{
    public static RouteAnalysisOptions Default { get; } = new();

    public void Validate()
    {
        if (!(SpacingMeters >= 1) || SpacingMeters > 1000)
        {
            throw new ArgumentException("SpacingMeters must be between 1 and 1000 (10-25 m recommended).", nameof(SpacingMeters));
        }

        if (!(GradeWindowMeters >= SpacingMeters) || !(SustainedGradeWindowMeters >= SpacingMeters))
        {
            throw new ArgumentException("Grade windows must be at least the spacing.", nameof(GradeWindowMeters));
        }

        if (!(MaxFlatSectionMeters > 0) || MaxProfilePoints < 2)
        {
            throw new ArgumentException("MaxFlatSectionMeters must be positive and MaxProfilePoints at least 2.", nameof(MaxFlatSectionMeters));
        }
    }
}
