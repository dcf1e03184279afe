namespace CyclingCoach.Training.Science;

/// <summary>
/// Total ascent and descent with hysteresis (GoldenCheetah ElevationGain, BasicRideMetrics.cpp#L833-L892): a change
/// is counted only once the altitude has moved more than the threshold (3 m by default) away from the last accepted
/// altitude. NaN samples are skipped.
/// </summary>
public static class ElevationHysteresis
{
    public const double DefaultThresholdMeters = 3.0;

    public static (double GainMeters, double LossMeters) Compute(ReadOnlySpan<double> altitude, double thresholdMeters = DefaultThresholdMeters)
    {
        double gain = 0, loss = 0;
        var reference = double.NaN;
        foreach (var a in altitude)
        {
            if (double.IsNaN(a))
            {
                continue;
            }

            if (double.IsNaN(reference))
            {
                reference = a;
                continue;
            }

            var d = a - reference;
            if (d > thresholdMeters)
            {
                gain += d;
                reference = a;
            }
            else if (d < -thresholdMeters)
            {
                loss -= d;
                reference = a;
            }
        }

        return (gain, loss);
    }
}
