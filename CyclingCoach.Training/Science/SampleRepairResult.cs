namespace CyclingCoach.Training.Science;

/// <summary>Channel names of <see cref="SampleRepairEntry.Channel"/>.</summary>
public static class SampleChannels
{
    public const string Power = "power";
    public const string HeartRate = "heart_rate";
    public const string Speed = "speed";
    public const string Altitude = "altitude";
}

/// <summary>Why samples were repaired (<see cref="SampleRepairEntry.Reason"/>).</summary>
public static class SampleRepairReasons
{
    public const string AboveCeiling = "above_ceiling";
    public const string IsolatedSpike = "isolated_spike";
    public const string OutOfRange = "out_of_range";
    public const string TooFastChange = "too_fast_change";
}

/// <summary>
/// One run of consecutive implausible samples of one channel: where (second index into the 1 Hz timeline), how many,
/// the largest original value, the largest replacement value (null when the samples were left missing) and why.
/// </summary>
public sealed record SampleRepairEntry(string Channel, int StartSecond, int SampleCount, double OriginalMax, double? Replacement, string Reason);

/// <summary>
/// <see cref="Streams"/> is the copy for metrics (channels without repairs are shared with the input, which is never
/// modified); <see cref="Repairs"/> lists every run replaced, by channel then time.
/// </summary>
public sealed record SampleRepairResult(RideStreams Streams, IReadOnlyList<SampleRepairEntry> Repairs)
{
    public bool Repaired => Repairs.Count > 0;
}
