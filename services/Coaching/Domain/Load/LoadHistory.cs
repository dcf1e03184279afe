using CyclingCoach.Training.Science;

namespace CyclingCoach.Coaching.Domain.Load;

/// <summary>One day's riding: the summed load (TSS, else HRSS, else the estimate), seconds and rides.</summary>
public sealed record DailyRiding(DateOnly Date, double Load, double Seconds, int Rides);

/// <summary>
/// The rider's fitness and recent load from their rides (pure): the PMC from the first ride up to the date, the last 6
/// weekly windows up to and including the date (a plan starting the next day compares its weeks with whole weeks),
/// with their TSS, hours and CTL, the last 28 days' means, and the latest break. Fitness, the engines
/// and the scenario tests all compute it here.
/// </summary>
public static class LoadHistory
{
    public const int Weeks = 6;

    public static FitnessSnapshot Snapshot(IEnumerable<DailyRiding> riding, DateOnly date, PmcOptions? options = null)
    {
        var days = riding.Where(d => d.Date <= date && (d.Load > 0 || d.Seconds > 0)).ToList();
        if (days.Count == 0)
        {
            return FitnessSnapshot.Empty with { Date = date };
        }

        var first = days.Min(d => d.Date);
        var start = DateOnly.FromDayNumber(Math.Min(first.DayNumber, date.DayNumber - Weeks * 7));
        var loads = PmcCalculator.DailyLoads(days.Select(d => (d.Date, d.Load)), start, date);
        var seconds = new double[loads.Length];
        var rides = new int[loads.Length];
        foreach (var day in days)
        {
            seconds[day.Date.DayNumber - start.DayNumber] += day.Seconds;
            rides[day.Date.DayNumber - start.DayNumber] += day.Rides;
        }

        options ??= PmcOptions.Default;
        var pmc = PmcCalculator.Compute(start, loads, options);
        double CtlAfter(int index) => index < 0 ? options.InitialCtl : pmc[index].Ctl;

        var end = loads.Length - 1; // the index of date
        var weeks = new List<WeekLoad>();
        for (var k = Weeks; k >= 1; k--)
        {
            var from = end - 7 * k + 1;
            weeks.Add(new WeekLoad(
                start.AddDays(from),
                Math.Round(loads.Skip(from).Take(7).Sum(), 1),
                Math.Round(seconds.Skip(from).Take(7).Sum() / 3600, 2),
                rides.Skip(from).Take(7).Sum(),
                Math.Round(CtlAfter(from - 1), 1),
                Math.Round(CtlAfter(from + 6), 1)));
        }

        var last = days.Max(d => d.Date);
        var month = weeks.TakeLast(4).ToList();
        var today = pmc[end];
        return new FitnessSnapshot(
            Math.Round(today.Ctl, 1), Math.Round(today.Atl, 1), Math.Round(today.Tsb, 1),
            Math.Round(month.Sum(w => w.Hours) / 4, 2), Math.Round(month.Sum(w => w.Tss) / 4, 1))
        {
            Date = date,
            Weeks = weeks,
            HistoryDays = date.DayNumber - first.DayNumber + 1,
            DaysSinceLastRide = date.DayNumber - last.DayNumber,
            Break = LatestBreak(loads, seconds, start, first),
        };
    }

    /// <summary>The latest run of more than <see cref="CoachingPrinciples.BreakDays"/> days without riding in the last 6 weeks (after the first ride).</summary>
    private static RideBreak? LatestBreak(double[] loads, double[] seconds, DateOnly start, DateOnly first)
    {
        var end = loads.Length - 1;
        var earliest = Math.Max(end - Weeks * 7 + 1, first.DayNumber - start.DayNumber);
        RideBreak? latest = null;
        var run = 0;
        for (var i = earliest; i <= end + 1; i++)
        {
            if (i <= end && loads[i] <= 0 && seconds[i] <= 0)
            {
                run++;
                continue;
            }

            if (run > CoachingPrinciples.BreakDays)
            {
                latest = new RideBreak(start.AddDays(i - run), run);
            }

            run = 0;
        }

        return latest;
    }
}
