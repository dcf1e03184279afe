namespace CyclingCoach.Training.Science;

/// <summary>
/// A ride resampled to 1 Hz: index i is second i after <see cref="StartUtc"/>. Every channel has the same length.
/// Missing values are <see cref="double.NaN"/>; a channel the source never carried is NaN everywhere. Power, heart
/// rate and cadence count as present only with a sample above 0 (see <see cref="HasPower"/>).
/// <see cref="Recorded"/> is false for seconds inside a long gap (a pause: the device was stopped or auto-paused);
/// <see cref="Moving"/> is true where the rider was recorded and moving. See <see cref="RideResampler"/> for the policy.
/// SI units: W, bpm, rpm, m/s, m, degrees.
/// </summary>
public sealed record RideStreams(
    DateTime? StartUtc,
    double[] Power,
    double[] HeartRate,
    double[] Cadence,
    double[] Speed,
    double[] Altitude,
    double[] Distance,
    double[] Latitude,
    double[] Longitude,
    bool[] Recorded,
    bool[] Moving)
{
    /// <summary>Number of seconds in the timeline (pauses included).</summary>
    public int Length => Power.Length;

    // A sensor channel with no sample above 0 is no channel: a power meter paired but dead or uncalibrated, or a head
    // unit that writes 0 W (0 rpm, 0 bpm) into every record when nothing is paired, measured nothing. Counting it as a
    // channel gives NP 0 W, EF 0, a flat 0 W curve and a TSS ≈ 0 that hides the ride's load; without it the load falls
    // back to heart rate, then to the duration estimate (GoldenCheetah's order: power TSS, else TRIMP/HR load, else
    // duration; research/peers.md, coaching.md). Zeros inside a channel that has a real sample stay zeros (coasting,
    // stops). Per channel: power: no ride, even one mostly coasting, is 0 W for its whole length; cadence likewise,
    // so an all-zero cadence does not drive the resampler's moving detection; heart rate 0 is a dropout, never a
    // heart rate (SampleRepair and the HR load already skip it). Speed, altitude, distance and position keep "any
    // sample": 0 is a real altitude, and a trainer ride at 0 m/s is a recorded fact.
    public bool HasPower => StreamChannel.HasPositive(Power);
    public bool HasHeartRate => StreamChannel.HasPositive(HeartRate);
    public bool HasCadence => StreamChannel.HasPositive(Cadence);
    public bool HasSpeed => StreamChannel.HasAny(Speed);
    public bool HasAltitude => StreamChannel.HasAny(Altitude);
    public bool HasDistance => StreamChannel.HasAny(Distance);
    public bool HasPosition => StreamChannel.HasAny(Latitude) && StreamChannel.HasAny(Longitude);

    public static RideStreams Empty { get; } = Create(null, 0);

    /// <summary>A timeline of <paramref name="length"/> seconds with every channel NaN and nothing recorded.</summary>
    public static RideStreams Create(DateTime? startUtc, int length)
    {
        static double[] Nan(int n)
        {
            var a = new double[n];
            a.AsSpan().Fill(double.NaN);
            return a;
        }

        return new RideStreams(startUtc, Nan(length), Nan(length), Nan(length), Nan(length), Nan(length), Nan(length),
            Nan(length), Nan(length), new bool[length], new bool[length]);
    }

    /// <summary>
    /// Builds streams from a power series alone (one value per second, all recorded; moving where power &gt; 0 or
    /// the value is present). Convenient for tests, ergometer files and benchmarks.
    /// </summary>
    public static RideStreams FromPower(ReadOnlySpan<double> power, ReadOnlySpan<double> heartRate = default)
    {
        var s = Create(null, power.Length);
        power.CopyTo(s.Power);
        if (!heartRate.IsEmpty)
        {
            if (heartRate.Length != power.Length)
            {
                throw new ArgumentException("Heart rate must have the same length as power.", nameof(heartRate));
            }

            heartRate.CopyTo(s.HeartRate);
        }

        s.Recorded.AsSpan().Fill(true);
        s.Moving.AsSpan().Fill(true);
        return s;
    }
}
