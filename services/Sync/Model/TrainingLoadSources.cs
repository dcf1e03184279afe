namespace CyclingCoach.Sync.Model;

/// <summary>Values of <see cref="Workout.TrainingLoadSource"/> (and <c>WorkoutMetrics.TrainingLoadSource</c>).</summary>
public static class TrainingLoadSources
{
    /// <summary>TSS: power and an FTP.</summary>
    public const string Power = "power";

    /// <summary>TSS from the ride's average power and an FTP when it has no power samples (a manual ride): <c>TrainingLoadEstimate.FromAveragePower</c>.</summary>
    public const string AveragePower = "average_power";

    /// <summary>HRSS: heart rate, an LTHR (or its default), max and resting HR.</summary>
    public const string HeartRate = "heart_rate";

    /// <summary>Duration × an assumed IF (RPE when given): <c>TrainingLoadEstimate</c>.</summary>
    public const string Estimate = "estimate";
}
