using CyclingCoach.Coaching.Domain.Load;

namespace CyclingCoach.Coaching.Tests.Scenarios;

/// <summary>
/// A synthetic ride history, built week by week back from a day, for rider archetypes. A week is a list of rides
/// (weekday, hours, TSS); <see cref="Riding"/> gives them day by day as Coaching's fitness computation reads them.
/// </summary>
public sealed class RideHistory
{
    private readonly List<(DateOnly Date, double Hours, double Tss)> rides = [];

    /// <param name="Until">The last day of the history (the rider's "today").</param>
    public RideHistory(DateOnly until) => Until = until;

    public DateOnly Until { get; }

    /// <summary>The rides so far, one entry per ride.</summary>
    public IReadOnlyList<(DateOnly Date, double Hours, double Tss)> Rides => rides;

    /// <summary>
    /// <paramref name="weeks"/> weeks of the same rides, ending <paramref name="weeksBeforeEnd"/> weeks before
    /// <see cref="Until"/>'s week (0: the week that ends on <see cref="Until"/>'s Sunday or on Until).
    /// </summary>
    public RideHistory Weeks(int weeks, params (DayOfWeek Day, double Hours, double Tss)[] pattern) => Weeks(weeks, 0, pattern);

    public RideHistory Weeks(int weeks, int weeksBeforeEnd, params (DayOfWeek Day, double Hours, double Tss)[] pattern)
    {
        var lastMonday = Monday(Until).AddDays(-7 * weeksBeforeEnd);
        for (var w = weeks - 1; w >= 0; w--)
        {
            var monday = lastMonday.AddDays(-7 * w);
            foreach (var (day, hours, tss) in pattern)
            {
                var date = monday.AddDays(((int)day + 6) % 7);
                if (date <= Until)
                {
                    rides.Add((date, hours, tss));
                }
            }
        }

        return this;
    }

    /// <summary>One ride on a date (e.g. what the rider rode of a plan's day).</summary>
    public RideHistory Ride(DateOnly date, double hours, double tss)
    {
        rides.Add((date, hours, tss));
        return this;
    }

    /// <summary>The same rides with another "today" (to ride on from it).</summary>
    public RideHistory To(DateOnly until)
    {
        var copy = new RideHistory(until);
        copy.rides.AddRange(rides);
        return copy;
    }

    /// <summary>The rides as Coaching's fitness computation reads them: summed per day.</summary>
    public IReadOnlyList<DailyRiding> Riding() => rides.GroupBy(r => r.Date)
        .Select(g => new DailyRiding(g.Key, g.Sum(r => r.Tss), g.Sum(r => r.Hours * 3600), g.Count())).OrderBy(d => d.Date).ToList();

    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
