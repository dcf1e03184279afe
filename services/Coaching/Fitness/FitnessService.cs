using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Training.Science;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Fitness;

/// <summary>
/// Fitness from the workout projection: each day's load (Sync's training load, else TSS, else HRSS) through the PMC
/// from the first ride on, continued after today with the current plan's planned TSS so form on event day shows.
/// </summary>
public sealed class FitnessService(CoachingDbContext db, CoachClock clock, IOptions<FitnessOptions> options)
{
    public async Task<FitnessResponse> ComputeAsync(DateOnly from, DateOnly to, TrainingPlan? plan, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var days = await SeriesAsync(from, to, today, plan, cancellationToken);
        var o = options.Value;
        return new FitnessResponse(from, to, today, o.CtlDays, o.AtlDays, o.Smoothing.ToString().ToLowerInvariant(),
            days.Where(d => d.Date >= from).ToList());
    }

    /// <summary>Fitness on <paramref name="date"/> and the recent weeks' load, for the engines (<see cref="LoadHistory"/>).</summary>
    public async Task<FitnessSnapshot> SnapshotAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var riding = await db.Workouts.AsNoTracking()
            .Where(w => w.LocalDate <= date)
            .Select(WorkoutProjection.ToRideLoad)
            .GroupBy(r => r.Date)
            .Select(g => new DailyRiding(g.Key, g.Sum(r => r.Load), g.Sum(r => r.DurationSeconds), g.Count()))
            .ToListAsync(cancellationToken);
        return LoadHistory.Snapshot(riding, date, options.Value.ToPmc());
    }

    private async Task<IReadOnlyList<FitnessDay>> SeriesAsync(DateOnly from, DateOnly to, DateOnly today, TrainingPlan? plan, CancellationToken cancellationToken)
    {
        var loads = await db.Workouts.AsNoTracking()
            .Where(w => w.LocalDate <= to)
            .Select(WorkoutProjection.ToRideLoad)
            .GroupBy(r => r.Date)
            .Select(g => new { Day = g.Key, Load = g.Sum(r => r.Load) })
            .ToListAsync(cancellationToken);
        var start = loads.Count > 0 ? DateOnly.FromDayNumber(Math.Min(loads.Min(l => l.Day).DayNumber, from.DayNumber)) : from;
        var daily = PmcCalculator.DailyLoads(loads.Select(l => (l.Day, l.Load)), start, to);
        var projected = new bool[daily.Length];
        if (plan is not null)
        {
            foreach (var day in plan.Days.Where(d => d.Date > today && d.Date >= start && d.Date <= to))
            {
                var i = day.Date.DayNumber - start.DayNumber;
                daily[i] = day.Workouts.Sum(w => w.TargetTss);
                projected[i] = true;
            }
        }

        var pmc = PmcCalculator.Compute(start, daily, options.Value.ToPmc());
        return pmc.Select((d, i) => new FitnessDay(d.Date, Math.Round(d.Load, 1), Math.Round(d.Ctl, 2), Math.Round(d.Atl, 2), Math.Round(d.Tsb, 2), projected[i])).ToList();
    }

    /// <summary>Best power per standard duration in the last 42, 90 and 365 days and all time, with the ride it came from.</summary>
    public async Task<PowerCurveResponse> PowerCurveAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        List<PowerCurveWindow> windows = [];
        foreach (var (name, days) in new (string, int?)[] { ("last42Days", 42), ("last90Days", 90), ("last365Days", 365), ("allTime", null) })
        {
            DateOnly? since = days is { } d ? today.AddDays(-d + 1) : null;
            windows.Add(new PowerCurveWindow(name, since, await BestPerDurationAsync(since ?? DateOnly.MinValue, cancellationToken)));
        }

        return new PowerCurveResponse(windows);
    }

    /// <summary>
    /// The best of every ride's mean-max points per standard duration, found in SQL (earliest ride first on a tie): ten
    /// years of rides are a few thousand jsonb arrays, which the database unnests far faster than the service could
    /// read them. A ride also stores its whole length (a 38-minute ride's 2,262 s); only the standard durations count,
    /// where every ride at least that long has a point, or a short ride's length would be "the best" nobody beat. Rides
    /// whose power is not trusted (held for implausible data, or excluded by the rider) set no best.
    /// </summary>
    private Task<List<PowerCurvePoint>> BestPerDurationAsync(DateOnly since, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<PowerCurvePoint>($"""
            SELECT DISTINCT ON (p."durationSeconds") p."durationSeconds" AS duration_seconds, p.watts, w.workout_id, w.local_date AS date
            FROM workouts w, jsonb_to_recordset(w.mean_max) AS p("durationSeconds" integer, watts double precision)
            WHERE w.mean_max IS NOT NULL AND jsonb_typeof(w.mean_max) = 'array' AND w.local_date >= {since} AND p.watts > 0
              AND w.load_state NOT IN ('Held', 'Excluded')
              AND p."durationSeconds" = ANY({StandardDurations})
            ORDER BY p."durationSeconds", p.watts DESC, w.local_date, w.workout_id
            """).ToListAsync(cancellationToken);

    private static readonly int[] StandardDurations = [.. MeanMaxCurve.StandardDurations];
}
