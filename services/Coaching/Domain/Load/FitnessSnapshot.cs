namespace CyclingCoach.Coaching.Domain.Load;

/// <summary>
/// The rider's fitness on <see cref="Date"/> (CTL and ATL after that day's rides, TSB going into it) and their
/// recent load, computed from the rides by <see cref="LoadHistory"/>.
/// </summary>
/// <param name="RecentWeeklyHours">Mean hours a week over the last 28 days.</param>
/// <param name="RecentWeeklyTss">Mean TSS a week over the last 28 days.</param>
public sealed record FitnessSnapshot(double Ctl, double Atl, double Tsb, double RecentWeeklyHours, double RecentWeeklyTss)
{
    public static FitnessSnapshot Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The day the numbers are for (null: unknown, read as the day before the plan starts).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The last 6 weeks, oldest first: seven-day windows, the last one ending on <see cref="Date"/>.</summary>
    public IReadOnlyList<WeekLoad> Weeks { get; init; } = [];

    /// <summary>Days from the first ride to <see cref="Date"/> (0: no rides at all).</summary>
    public int HistoryDays { get; init; }

    /// <summary>Days since the last ride (null: no rides).</summary>
    public int? DaysSinceLastRide { get; init; }

    /// <summary>The latest run of more than 10 days without a ride in the last 6 weeks, if any (it may still be going on).</summary>
    public RideBreak? Break { get; init; }
}

/// <param name="Start">The window's first day.</param>
/// <param name="CtlStart">CTL going into <paramref name="Start"/>; <paramref name="CtlEnd"/> after the window's last day.</param>
public sealed record WeekLoad(DateOnly Start, double Tss, double Hours, int Rides, double CtlStart, double CtlEnd);

/// <param name="From">The first day without a ride.</param>
/// <param name="Days">How many days in a row, up to the snapshot's date when it is still going on.</param>
public sealed record RideBreak(DateOnly From, int Days);
