namespace CyclingCoach.Coaching.Domain.Plans;

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

    /// <summary>
    /// Seconds ridden at or below <paramref name="ceiling"/> (a fraction of FTP): a ramp counts the part of it under
    /// the ceiling, a steady step its mean, intervals their on and off parts separately.
    /// </summary>
    public static double SecondsAtOrBelow(IEnumerable<WorkoutStep> steps, double ceiling)
    {
        double seconds = 0;
        foreach (var s in steps)
        {
            seconds += s.Kind switch
            {
                StepKind.Intervals => s.Repeat * ((s.PowerHigh <= ceiling ? s.DurationSeconds : 0) + (s.OffPower <= ceiling ? s.OffDurationSeconds : 0)),
                StepKind.Steady => (s.PowerLow + s.PowerHigh) / 2 <= ceiling ? s.DurationSeconds : 0,
                _ => s.DurationSeconds * RampShareAtOrBelow(s.PowerLow, s.PowerHigh, ceiling),
            };
        }

        return seconds;
    }

    private static double RampShareAtOrBelow(double from, double to, double ceiling)
    {
        var (low, high) = from <= to ? (from, to) : (to, from);
        return high <= ceiling ? 1 : low >= ceiling ? 0 : (ceiling - low) / (high - low);
    }
}
