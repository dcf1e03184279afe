namespace CyclingCoach.Training.Science;

/// <summary>
/// Fitness (CTL), fatigue (ATL) and form (TSB) from a daily load series (peers.md §2.4). See <see cref="PmcOptions"/>
/// for the conventions; by default CTL_d = CTL_{d−1}·e^(−1/42) + Load_d·(1 − e^(−1/42)) and
/// TSB_d = CTL_{d−1} − ATL_{d−1}.
/// </summary>
public static class PmcCalculator
{
    private const int RampDays = 7;

    /// <summary>One <see cref="PmcDay"/> per entry of <paramref name="dailyLoad"/>, starting at <paramref name="firstDay"/>.</summary>
    public static PmcDay[] Compute(DateOnly firstDay, ReadOnlySpan<double> dailyLoad, PmcOptions? options = null)
    {
        options ??= PmcOptions.Default;
        if (!(options.CtlTimeConstantDays > 0) || !(options.AtlTimeConstantDays > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Time constants must be positive.");
        }

        var (ctlGain, atlGain) = options.Smoothing == PmcSmoothing.Exponential
            ? (1 - Math.Exp(-1 / options.CtlTimeConstantDays), 1 - Math.Exp(-1 / options.AtlTimeConstantDays))
            : (1 / options.CtlTimeConstantDays, 1 / options.AtlTimeConstantDays);
        var sameDay = options.Tsb == TsbConvention.SameDay;

        var result = new PmcDay[dailyLoad.Length];
        var ctl = options.InitialCtl;
        var atl = options.InitialAtl;
        var dayNumber = firstDay.DayNumber;
        for (var d = 0; d < dailyLoad.Length; d++)
        {
            var load = dailyLoad[d];
            if (double.IsNaN(load) || load < 0)
            {
                load = 0;
            }

            var prevTsb = ctl - atl;
            ctl += (load - ctl) * ctlGain;
            atl += (load - atl) * atlGain;
            var rampBase = d >= RampDays ? result[d - RampDays].Ctl : options.InitialCtl;
            result[d] = new PmcDay(
                DateOnly.FromDayNumber(dayNumber + d), load, ctl, atl, sameDay ? ctl - atl : prevTsb, ctl - rampBase);
        }

        return result;
    }

    /// <summary>
    /// Sums loads per calendar day into a dense array covering <paramref name="from"/> … <paramref name="to"/>
    /// (inclusive); days without a ride are 0 and loads outside the range are ignored.
    /// </summary>
    public static double[] DailyLoads(IEnumerable<(DateOnly Day, double Load)> loads, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(loads);
        if (to < from)
        {
            return [];
        }

        var result = new double[to.DayNumber - from.DayNumber + 1];
        foreach (var (day, load) in loads)
        {
            var i = day.DayNumber - from.DayNumber;
            if (i >= 0 && i < result.Length && !double.IsNaN(load))
            {
                result[i] += load;
            }
        }

        return result;
    }
}
