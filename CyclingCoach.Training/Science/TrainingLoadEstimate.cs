namespace CyclingCoach.Training.Science;

/// <summary>
/// A ride's load when neither TSS (power + FTP) nor HRSS (HR + LTHR + max and resting HR) can be computed: the TSS
/// formula 100·hours·IF² with an assumed intensity factor. Without anything else the ride counts as an endurance ride
/// (IF 0.65 ≈ 42 TSS per hour); a rating of perceived exertion (RPE, Borg CR-10, 1–10) picks the IF from
/// <see cref="IntensityFactorForRpe"/> instead.
/// </summary>
public static class TrainingLoadEstimate
{
    /// <summary>Typical whole-ride IF of an unstructured endurance ride (Coggan level 2, 0.56–0.75 IF).</summary>
    public const double DefaultIntensityFactor = 0.65;

    /// <summary>
    /// IF by RPE 1–10, anchored on Coggan's levels for a whole ride: 1–2 recovery (&lt; 0.55), 3–4 endurance, 5–6
    /// tempo (0.76–0.90), 7–8 sweet spot to threshold, 9–10 a race or time trial at or above FTP.
    /// </summary>
    private static readonly double[] RpeIntensityFactors = [0.50, 0.55, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 1.00];

    public const int MinRpe = 1;
    public const int MaxRpe = 10;

    /// <summary>The IF assumed for a ride rated <paramref name="rpe"/> (1–10).</summary>
    public static double IntensityFactorForRpe(int rpe) =>
        rpe is >= MinRpe and <= MaxRpe ? RpeIntensityFactors[rpe - 1] : throw new ArgumentOutOfRangeException(nameof(rpe), rpe, "RPE is 1–10.");

    /// <summary>100·(seconds/3600)·IF², the TSS of <paramref name="seconds"/> at <paramref name="intensityFactor"/>.</summary>
    public static double FromDuration(double seconds, double intensityFactor = DefaultIntensityFactor) =>
        seconds > 0 && double.IsFinite(seconds) ? 100.0 * (seconds / 3600.0) * intensityFactor * intensityFactor : 0;

    /// <summary>
    /// TSS from a ride's average power when no power samples exist (a ride logged by hand): IF = AP / FTP and
    /// 100·hours·IF² (Coggan's TSS, peers.md §2.2), with the average standing in for NP, which is unknown. NP is a
    /// fourth-power mean of 30 s averages (peers.md §2.1), never below the plain average, so this underestimates a
    /// variable ride by the variability index squared (VI = NP / AP, GoldenCheetah Coggan.cpp): about right for a
    /// steady ride (VI ≈ 1.00–1.05), some 20 % low for a ride of surges (VI 1.10–1.15, e.g. a criterium or group ride).
    /// 0 without a positive duration, power or FTP.
    /// </summary>
    public static double FromAveragePower(double seconds, double averagePowerWatts, double ftpWatts) =>
        averagePowerWatts > 0 && ftpWatts > 0 && double.IsFinite(averagePowerWatts) && double.IsFinite(ftpWatts)
            ? FromDuration(seconds, averagePowerWatts / ftpWatts)
            : 0;

    /// <summary>The estimate for a ride of <paramref name="seconds"/>, from its RPE when rated, else the default IF.</summary>
    public static double For(double seconds, int? rpe) =>
        FromDuration(seconds, rpe is { } r ? IntensityFactorForRpe(r) : DefaultIntensityFactor);
}
