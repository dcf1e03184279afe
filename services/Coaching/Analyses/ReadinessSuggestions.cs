using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Readiness;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Readiness;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// On a low-readiness morning with a hard session planned today, one <see cref="AnalysisType.ReadinessAdjustment"/>
/// analysis with the suggestion (<see cref="ReadinessAdvice"/>) waits for the rider; approving it makes the next plan
/// version through the usual approval loop. Once per day: the day's row in <c>readiness_suggestions</c> is written
/// in the same transaction (its key is the date), so a later wellness update the same day offers nothing more. When
/// another waiting suggestion already changes today (a ride's review easing it after a big day, a missed session
/// moved to it) nothing is offered: one waiting change a day (<see cref="PendingChanges"/>).
/// </summary>
public static class ReadinessSuggestions
{
    /// <summary>Adds the analysis to <paramref name="db"/>'s change set when due; the caller saves. True when added.</summary>
    public static async Task<bool> OfferAsync(CoachingDbContext db, ReadinessService readiness, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.ReadinessSuggestions.AnyAsync(r => r.Date == today, cancellationToken)
            || db.ChangeTracker.Entries<ReadinessSuggestionDay>().Any(e => e.Entity.Date == today))
        {
            return false;
        }

        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.IsActive, cancellationToken);
        if (plan is null || await readiness.ForDayAsync(today, cancellationToken) is not { } day
            || ReadinessAdvice.ForDay(day, plan.Plan) is not { } suggestion
            || (await PendingChanges.DaysAsync(db, null, cancellationToken)).Contains(today))
        {
            return false;
        }

        var claims = day.Reasons.Where(r => r.Score < ReadinessCalculator.LowBelow).Select(r => new CoachClaim(r.Text, r.Cites)).ToList();
        var analysis = new Analysis
        {
            Type = AnalysisType.ReadinessAdjustment,
            Day = today,
            Status = AnalysisStatus.Ready,
            Engine = "builtin",
            PlanVersionId = plan.Id,
            Feedback = new CoachFeedback($"Readiness {day.Score:0} ({day.Band.ToString().ToLowerInvariant()}, confidence {day.Confidence:0.00}) on {today:yyyy-MM-dd}.", [], claims, [suggestion]),
            Suggestions = [new Suggestion("s1", SuggestionKind.PlanOperation, suggestion.Reason, suggestion.Cites, suggestion.Operation)],
            CompletedAt = now,
        };
        db.Analyses.Add(analysis);
        db.ReadinessSuggestions.Add(new ReadinessSuggestionDay { Date = today, AnalysisId = analysis.Id });
        return true;
    }
}
