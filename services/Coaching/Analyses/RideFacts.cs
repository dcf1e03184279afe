using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Contracts;
using CyclingCoach.Training.Science;
using Microsoft.EntityFrameworkCore;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// The facts of a ride that need the rider's other rides and thresholds (what the reactions of coaching.md §5 judge
/// by): the day's earlier load, the ride's best 20 and 60 minutes, the days and hard rides since the FTP last changed,
/// and the strong 20-minute efforts of the last 14 days. Only rides whose load counts are read.
/// </summary>
public static class RideFacts
{
    public static async Task<AnalysisFacts> AddAsync(
        CoachingDbContext db, AnalysisFacts facts, WorkoutProjection ride, IReadOnlyList<AthleteThresholdPeriod> periods, CancellationToken cancellationToken)
    {
        var date = ride.LocalDate;
        var earlier = await db.Workouts.AsNoTracking()
            .Where(w => w.LocalDate == date && w.WorkoutId != ride.WorkoutId && w.StartTimeUtc < ride.StartTimeUtc)
            .Select(WorkoutProjection.ToRideLoad)
            .SumAsync(r => r.Load, cancellationToken);
        facts = facts with
        {
            EarlierTssThatDay = Math.Round(earlier, 1),
            LoadHeld = !ride.CountsForLoad,
            Best20MinWatts = PowerAt(ride.MeanMax, FtpEstimator.TwentyMinutes),
            Best60MinWatts = PowerAt(ride.MeanMax, OverFtpMinSeconds),
        };

        if (FtpSince(periods, date) is not { } since || facts.FtpWatts is not { } ftp)
        {
            return facts;
        }

        var counted = db.Workouts.AsNoTracking().Where(WorkoutProjection.Counts).Where(w => w.LocalDate <= date);
        var hardSince = await counted.CountAsync(w => w.LocalDate >= since && w.IntensityFactor >= HardRideIntensityFactor, cancellationToken);
        var windowStart = date.AddDays(1 - StrongEffortWindowDays);
        var recent = await counted.Where(w => w.LocalDate >= windowStart && w.MeanMax != null).Select(w => w.MeanMax).ToListAsync(cancellationToken);
        var strong = recent.Count(m => PowerAt(m, FtpEstimator.TwentyMinutes) * FtpEstimator.TwentyMinuteFactor >= ftp * (1 + StrongEffortMargin));
        return facts with
        {
            DaysSinceFtpChange = date.DayNumber - since.DayNumber,
            HardRidesSinceFtpChange = hardSince,
            StrongEffortsLast14Days = strong,
        };
    }

    /// <summary>The first day of the run of threshold periods, up to <paramref name="date"/>, that carry the FTP in effect on it.</summary>
    public static DateOnly? FtpSince(IReadOnlyList<AthleteThresholdPeriod> periods, DateOnly date)
    {
        var withFtp = periods.Where(p => p.EffectiveFrom <= date && p.FtpWatts is not null).ToList();
        if (withFtp.Count == 0)
        {
            return null;
        }

        var i = withFtp.Count - 1;
        while (i > 0 && withFtp[i - 1].FtpWatts == withFtp[^1].FtpWatts)
        {
            i--;
        }

        return withFtp[i].EffectiveFrom;
    }

    private static double? PowerAt(IReadOnlyList<MeanMaxPoint>? curve, int seconds) =>
        curve?.FirstOrDefault(p => p.DurationSeconds == seconds && p.Watts > 0)?.Watts;
}
