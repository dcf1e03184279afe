using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Coach.Plans;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Engines;
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

    /// <summary>Form going into <paramref name="date"/> and the last 28 days' weekly means, for the engines.</summary>
    public async Task<FitnessSnapshot> SnapshotAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var days = await SeriesAsync(date, date, date, null, cancellationToken);
        var monthStart = date.AddDays(-28);
        var recent = await db.Workouts.AsNoTracking()
            .Where(w => w.LocalDate >= monthStart && w.LocalDate < date)
            .Select(WorkoutProjection.ToRideLoad)
            .GroupBy(_ => 1)
            .Select(g => new { Seconds = g.Sum(r => r.DurationSeconds), Load = g.Sum(r => r.Load) })
            .FirstOrDefaultAsync(cancellationToken);
        var day = days[^1];
        return new FitnessSnapshot(
            Math.Round(day.Ctl, 1), Math.Round(day.Atl, 1), Math.Round(day.Tsb, 1),
            Math.Round((recent?.Seconds ?? 0) / 3600 / 4, 2), Math.Round((recent?.Load ?? 0) / 4, 1));
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
        var rides = await db.Workouts.AsNoTracking()
            .Where(w => w.MeanMax != null)
            .Select(w => new { w.WorkoutId, w.LocalDate, w.MeanMax })
            .ToListAsync(cancellationToken);
        PowerCurveWindow Window(string name, int? days)
        {
            DateOnly? since = days is { } d ? today.AddDays(-d + 1) : null;
            var points = rides
                .Where(r => since is null || r.LocalDate >= since)
                .SelectMany(r => r.MeanMax!.Select(p => new PowerCurvePoint(p.DurationSeconds, p.Watts, r.WorkoutId, r.LocalDate)))
                .GroupBy(p => p.DurationSeconds)
                .Select(g => g.OrderByDescending(p => p.Watts).ThenBy(p => p.Date).First())
                .OrderBy(p => p.DurationSeconds)
                .ToList();
            return new PowerCurveWindow(name, since, points);
        }

        return new PowerCurveResponse([Window("last42Days", 42), Window("last90Days", 90), Window("last365Days", 365), Window("allTime", null)]);
    }
}
