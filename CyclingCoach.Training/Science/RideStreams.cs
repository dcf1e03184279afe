namespace CyclingCoach.Training.Science;

/// <summary>
/// A ride resampled to 1 Hz: index i is second i after <see cref="StartUtc"/>. Every channel has the same length.
/// Missing values are <see cref="double.NaN"/>; a channel the source never carried is NaN everywhere.
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

    public bool HasPower => StreamChannel.HasAny(Power);
    public bool HasHeartRate => StreamChannel.HasAny(HeartRate);
    public bool HasCadence => StreamChannel.HasAny(Cadence);
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
