namespace CyclingCoach.Training.Science;

/// <summary>
/// Which threshold applies on a date, given periods with start dates (oldest first) — the one convention Sync (a
/// ride's metrics) and Coaching (zones, analyses, plans) both follow.
/// <para>
/// GoldenCheetah's convention: a zone range runs from its date until the next range starts, and the first range
/// reaches back to the beginning (its zones file writes the first range "FROM BEGIN", and reading BEGIN gives
/// 1900-01-01: GoldenCheetah src/Metrics/Zones.cpp, <c>Zones::read</c> / <c>Zones::write</c>, "this explicitly sets
/// the first and last ranges such that all time is spanned"). GoldenCheetah keeps power and heart-rate ranges in
/// separate files, so each reaches back on its own; here every value does: on a date before the first period that
/// gives a value, that first value applies. From that period on, the period in effect decides, an empty value
/// included (a rider who cleared a value has none from then on).
/// </para>
/// <para>
/// Why: a rider who enters an FTP for the first time means "this is my FTP", not "from today". Without the reach-back
/// every earlier ride keeps the duration estimate, and fitness starts from a wrong picture (issue 17: CTL 30 where
/// the rides say ≈ 50).
/// </para>
/// </summary>
public static class ThresholdTimeline
{
    /// <summary>
    /// The index of the period in effect on <paramref name="date"/>: the last one starting on or before it, else the
    /// first (it reaches back); −1 when there are no periods.
    /// </summary>
    public static int PeriodOn<TPeriod>(IReadOnlyList<TPeriod> periods, Func<TPeriod, DateOnly> start, DateOnly date) =>
        periods.Count == 0 ? -1 : Math.Max(0, LastStartingBy(periods, start, date));

    /// <summary>
    /// The value in effect on <paramref name="date"/>: the first period's value that has one when the date comes
    /// before that period, else the value of the period in effect (which may be empty). Null when no period has one.
    /// </summary>
    public static TValue? ValueOn<TPeriod, TValue>(IReadOnlyList<TPeriod> periods, Func<TPeriod, DateOnly> start, Func<TPeriod, TValue?> value, DateOnly date)
        where TValue : struct
    {
        var first = -1;
        for (var i = 0; i < periods.Count && first < 0; i++)
        {
            if (value(periods[i]) is not null)
            {
                first = i;
            }
        }

        if (first < 0)
        {
            return null;
        }

        var inEffect = LastStartingBy(periods, start, date);
        return value(periods[inEffect < first ? first : inEffect]);
    }

    /// <summary>The last period starting on or before <paramref name="date"/>, −1 when the date comes before them all.</summary>
    private static int LastStartingBy<TPeriod>(IReadOnlyList<TPeriod> periods, Func<TPeriod, DateOnly> start, DateOnly date)
    {
        var found = -1;
        for (var i = 0; i < periods.Count && start(periods[i]) <= date; i++)
        {
            found = i;
        }

        return found;
    }
}
