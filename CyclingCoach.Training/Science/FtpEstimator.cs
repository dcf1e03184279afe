namespace CyclingCoach.Training.Science;

/// <summary>FTP from the 20-minute rule and from the Morton 3-parameter CP fit (peers.md §2.9).</summary>
public static class FtpEstimator
{
    public const int TwentyMinutes = 1200;
    public const double TwentyMinuteFactor = 0.95;

    public static FtpEstimate Estimate(MeanMaxCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var best20 = curve.PowerAt(TwentyMinutes);
        return new FtpEstimate(best20, best20 * TwentyMinuteFactor, CriticalPowerFitter.Fit(curve.ToNonIncreasing()));
    }
}
