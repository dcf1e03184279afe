namespace CyclingCoach.Training.Science;

/// <summary>
/// Morton 3-parameter critical power model P(t) = CP + W′/(t + k), with Pmax = CP + W′/k (the power at t = 0).
/// GoldenCheetah writes the same model as CP·(1 + τ/(t/60 + t₀)) with W′ = 60·CP·τ (PDModel.cpp#L259-L283).
/// </summary>
/// <param name="RootMeanSquareErrorWatts">Fit residual RMSE over the points used.</param>
/// <param name="RSquared">Coefficient of determination over the points used.</param>
public sealed record CriticalPowerModel(
    double CpWatts,
    double WPrimeJoules,
    double KSeconds,
    double PmaxWatts,
    double RootMeanSquareErrorWatts,
    double RSquared,
    int PointCount,
    int MinDurationSeconds,
    int MaxDurationSeconds)
{
    /// <summary>Modelled maximal mean power for a duration in seconds.</summary>
    public double PowerAt(double seconds) => CpWatts + (WPrimeJoules / (seconds + KSeconds));
}
