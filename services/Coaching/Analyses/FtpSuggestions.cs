using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Coach.Analyses;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// After a ride with power, offers the FTP its last 90 days suggest when it differs from the FTP in effect by at
/// least <see cref="MinimumChange"/> — as a threshold suggestion the rider approves, never adopted silently. A newer
/// estimate replaces a waiting older one.
/// </summary>
public static class FtpSuggestions
{
    public const string Source = "rides";
    public const double MinimumChange = 0.03;
    public const int WindowDays = 90;

    /// <summary>Adds (or replaces) the suggestion in <paramref name="db"/>'s change set; the caller saves.</summary>
    public static async Task OfferAsync(CoachingDbContext db, WorkoutProjection ride, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        if (ride.MeanMax is not { Count: > 0 } || !ride.CountsForLoad || ride.LocalDate < today.AddDays(-WindowDays))
        {
            return;
        }

        var since = today.AddDays(-WindowDays);
        var others = await db.Workouts.AsNoTracking()
            .Where(WorkoutProjection.Counts)
            .Where(w => w.LocalDate >= since && w.MeanMax != null && w.WorkoutId != ride.WorkoutId)
            .Select(w => w.MeanMax!)
            .ToListAsync(cancellationToken);
        if (FtpFromRides.Estimate([.. others, ride.MeanMax]) is not { } estimate)
        {
            return;
        }

        var current = (await AthleteService.InEffectAsync(db, today, cancellationToken))?.FtpWatts;
        if (current is { } ftp && Math.Abs(estimate.FtpWatts - ftp) / ftp < MinimumChange)
        {
            return;
        }

        var waiting = await db.Analyses
            .Where(a => a.Type == AnalysisType.ThresholdUpdate && a.Status == AnalysisStatus.Ready)
            .ToListAsync(cancellationToken);
        foreach (var old in waiting.Where(a => a.Suggestions.Any(s => s.State == SuggestionState.Pending && s.Thresholds?.Source == Source)))
        {
            if (old.Suggestions.Any(s => s.Thresholds?.FtpWatts == estimate.FtpWatts))
            {
                return; // the same estimate is already waiting
            }

            old.Suggestions = [.. old.Suggestions.Select(s => s with { State = SuggestionState.Rejected })];
            old.Status = AnalysisStatus.Rejected;
            old.RejectReason = "Replaced by a newer estimate.";
            old.DecidedAt = now;
        }

        var reason = estimate.Method == "morton"
            ? $"Your best efforts of the last {WindowDays} days fit a critical power of {estimate.FtpWatts:0} W (Morton 3-parameter model)."
            : $"95 % of your best 20 minutes of the last {WindowDays} days ({estimate.Best20MinWatts:0} W) is {estimate.FtpWatts:0} W.";
        db.Analyses.Add(new Analysis
        {
            Type = AnalysisType.ThresholdUpdate,
            WorkoutId = ride.WorkoutId,
            Day = ride.LocalDate,
            Status = AnalysisStatus.Ready,
            Engine = "builtin",
            Suggestions = [new Suggestion("s1", SuggestionKind.Thresholds, reason, [], Thresholds: new ThresholdProposal(Source, today, FtpWatts: estimate.FtpWatts))],
            CompletedAt = now,
        });
    }
}
