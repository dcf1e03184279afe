namespace CyclingCoach.Coaching.Coach.Plans;

/// <summary>Arithmetic on structured steps: length and training stress at FTP.</summary>
public static class WorkoutSteps
{
    public static int TotalSeconds(IEnumerable<WorkoutStep> steps) => steps.Sum(s => s.TotalSeconds);

    /// <summary>
    /// TSS of the steps ridden exactly at their targets: Σ seconds × IF² / 36, with a ramp's IF taken as its
    /// root-mean-square (a linear ramp from a to b has mean square (a² + ab + b²) / 3). Rounded to one decimal.
    /// </summary>
    public static double Tss(IEnumerable<WorkoutStep> steps)
    {
        double sum = 0;
        foreach (var s in steps)
        {
            sum += s.Kind switch
            {
                StepKind.Intervals => s.Repeat * (s.DurationSeconds * s.PowerHigh * s.PowerHigh + s.OffDurationSeconds * s.OffPower * s.OffPower),
                _ => s.DurationSeconds * (s.PowerLow * s.PowerLow + s.PowerLow * s.PowerHigh + s.PowerHigh * s.PowerHigh) / 3,
            };
        }

        return Math.Round(sum / 36, 1);
    }
}
