using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Model;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// After a ride with power, offers the FTP its last 90 days suggest when it differs from the FTP in effect by at
/// least <see cref="MinimumChange"/> — as a threshold suggestion the rider approves, never adopted silently. A newer
/// estimate replaces a waiting older one. With no FTP at all any estimate is offered, at once, on the ride that makes
/// it possible, and from the 90 days up to the newest ride with power, however old: a rider who imports last year's
/// rides gets the estimate with them, and approving it gives every earlier ride its power TSS (the first FTP reaches
/// back, <c>ThresholdTimeline</c>).
/// </summary>
public static class FtpSuggestions
{
    public const string Source = "rides";
    public const double MinimumChange = 0.03;
    public const int WindowDays = 90;

    /// <summary>Adds (or replaces) the suggestion in <paramref name="db"/>'s change set; the caller saves.</summary>
    public static async Task OfferAsync(CoachingDbContext db, WorkoutProjection ride, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        if (ride.MeanMax is not { Count: > 0 } || !ride.CountsForLoad)
        {
            return;
        }

        var current = (await AthleteService.InEffectAsync(db, today, cancellationToken))?.FtpWatts;
        var end = today;
        if (current is null)
        {
            var newest = await db.Workouts.AsNoTracking()
                .Where(WorkoutProjection.Counts)
                .Where(w => w.MeanMax != null && w.WorkoutId != ride.WorkoutId && w.LocalDate <= today)
                .MaxAsync(w => (DateOnly?)w.LocalDate, cancellationToken);
            end = newest > ride.LocalDate ? newest.Value : ride.LocalDate;
        }

        var since = end.AddDays(-WindowDays);
        if (ride.LocalDate < since)
        {
            return; // outside the window: this ride changes no estimate
        }

        var others = await db.Workouts.AsNoTracking()
            .Where(WorkoutProjection.Counts)
            .Where(w => w.LocalDate >= since && w.LocalDate <= end && w.MeanMax != null && w.WorkoutId != ride.WorkoutId)
            .Select(w => w.MeanMax!)
            .ToListAsync(cancellationToken);
        if (FtpFromRides.Estimate([.. others, ride.MeanMax]) is not { } estimate)
        {
            return;
        }

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

        var window = end == today ? $"the last {WindowDays} days" : $"the {WindowDays} days up to your latest ride with power ({end:d MMM yyyy})";
        var reason = estimate.Method == "morton"
            ? $"Your best efforts of {window} fit a critical power of {estimate.FtpWatts:0} W (Morton 3-parameter model)."
            : $"95 % of your best 20 minutes of {window} ({estimate.Best20MinWatts:0} W) is {estimate.FtpWatts:0} W.";
        if (current is null)
        {
            reason = $"You have no FTP yet. {reason} Approving it sets your FTP, and it applies to your earlier rides too.";
        }

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
