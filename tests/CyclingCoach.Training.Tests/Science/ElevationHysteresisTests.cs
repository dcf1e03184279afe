using CyclingCoach.Training.Science;

namespace CyclingCoach.Training.Tests.Science;

public class ElevationHysteresisTests
{
    [Fact]
    public void Noise_below_threshold_is_ignored()
    {
        // ±1 m jitter around 100 m never moves 3 m from the reference.
        double[] alt = [100, 101, 99, 101, 99, 100, 101];
        Assert.Equal((0.0, 0.0), ElevationHysteresis.Compute(alt));
    }

    [Fact]
    public void Changes_are_counted_from_the_last_accepted_altitude()
    {
        // ref 100; 102 (no); 104 (+4, ref 104); 103 (no); 110 (+6, ref 110); 106 (−4, ref 106); NaN skipped; 100 (−6).
        double[] alt = [100, 102, 104, 103, 110, 106, double.NaN, 100];
        var (gain, loss) = ElevationHysteresis.Compute(alt);
        Assert.Equal(10, gain, 9);
        Assert.Equal(10, loss, 9);
    }
}
