using System.Text.Json.Serialization;
using CyclingCoach.Training.Science;

namespace CyclingCoach.Sync.Model;

/// <summary>
/// A workout's metrics as Sync stores them (jsonb) and serves them (<c>metrics</c> of a workout): Training's
/// <see cref="RideMetrics"/> (IF and TSS null without an FTP; HR zones need an LTHR, or max + resting HR; TRIMP and
/// HRSS also max and resting HR) plus what Sync adds, in one flat JSON object. The thresholds used (FTP, effective
/// LTHR, max and resting HR of the ride's period) are kept so a new threshold history recomputes only the rides whose
/// period changed. <see cref="MeanMaxPowerWatts"/> is keyed by duration in seconds: the standard durations the ride
/// reaches plus the whole ride.
/// <para>Sample repair (README "Sample repair"): <see cref="SampleRepairs"/> lists the implausible samples found in the
/// stored streams (always, whether applied or not); when <see cref="SampleRepairEnabled"/> (the default, the rider can
/// turn it off per ride) the metrics come from the repaired copy. <see cref="DeviceSession"/> keeps the file's own
/// session values so <see cref="DeviceMismatches"/> can be re-evaluated whenever the metrics are.</para>
/// </summary>
public sealed record WorkoutMetricsData : RideMetrics
{
    public WorkoutMetricsData(RideMetrics ride, bool hasPower, bool hasHeartRate, IReadOnlyDictionary<string, double> meanMaxPowerWatts, IReadOnlyList<string> warnings)
        : base(ride)
    {
        HasPower = hasPower;
        HasHeartRate = hasHeartRate;
        MeanMaxPowerWatts = meanMaxPowerWatts;
        Warnings = warnings;
    }

    /// <summary>For System.Text.Json: every property is set from the stored JSON (a missing one keeps its default).</summary>
    [JsonConstructor]
    private WorkoutMetricsData()
        : base(0, 0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, [], [], null, null)
    {
    }

    public bool HasPower { get; init; }
    public bool HasHeartRate { get; init; }
    public IReadOnlyDictionary<string, double> MeanMaxPowerWatts { get; init; } = new Dictionary<string, double>();
    public int? ThresholdsVersion { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public double? MaxHeartRateUsedBpm { get; init; }
    public double? RestingHeartRateUsedBpm { get; init; }
    public IReadOnlyList<SampleRepairEntry>? SampleRepairs { get; init; }
    public bool SampleRepairEnabled { get; init; } = true;
    public DeviceSessionValues? DeviceSession { get; init; }
    public IReadOnlyList<DeviceMismatch>? DeviceMismatches { get; init; }
}
