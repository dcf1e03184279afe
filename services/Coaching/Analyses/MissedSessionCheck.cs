using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Fitness;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Rules;
using Microsoft.EntityFrameworkCore;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// The daily check for planned hard sessions nobody rode (a rider who did not ride sends no ride to react to): for
/// each day of the last week before today, in the current plan, with a hard session, no ride at all, and the plan
/// already made before it, one <see cref="AnalysisType.MissedSession"/> analysis — the move <see cref="MissedSessions"/>
/// finds (from tomorrow, within the week, on a day no other waiting suggestion changes) or the advice to let it go.
/// Once per missed day, even across restarts and concurrent checks: its <c>reaction_offers</c> row is written in the
/// same transaction (key: the date). A day ridden short is the ride's review's business, not this.
/// </summary>
public sealed class MissedSessionCheck(CoachingDbContext db, FitnessService fitness, RuleSetService ruleSets, CoachClock clock, ILogger<MissedSessionCheck> logger)
{
    /// <returns>How many missed sessions were offered.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var current = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.IsActive, cancellationToken);
        if (current is null)
        {
            return 0;
        }

        var made = await db.Plans.AsNoTracking().Where(p => p.Id == current.LineageId).Select(p => p.CreatedAt).FirstAsync(cancellationToken);
        var madeOn = DateOnly.FromDateTime(made);
        var hardDays = current.Plan.Days
            .Where(d => d.Date < today && d.Date >= today.AddDays(-MissedLookbackDays) && d.Date > madeOn && Reactions.HardOn(current.Plan, d.Date))
            .Select(d => d.Date)
            .ToList();
        if (hardDays.Count == 0)
        {
            return 0;
        }

        var keys = hardDays.Select(Key).ToList();
        var offered = await db.ReactionOffers.AsNoTracking().Where(o => o.Kind == ReactionOffer.MissedSession && keys.Contains(o.Key)).Select(o => o.Key).ToListAsync(cancellationToken);
        var ridden = await db.Workouts.AsNoTracking().Where(w => hardDays.Contains(w.LocalDate)).Select(w => w.LocalDate).Distinct().ToListAsync(cancellationToken);
        var missed = hardDays.Where(d => !ridden.Contains(d) && !offered.Contains(Key(d))).ToList();
        if (missed.Count == 0)
        {
            return 0;
        }

        var rules = (await ruleSets.ActiveAsync(cancellationToken))?.Rules ?? RuleSet.None;
        var yesterday = today.AddDays(-1);
        var form = await fitness.SnapshotAsync(yesterday, cancellationToken);
        var taken = await PendingChanges.DaysAsync(db, null, cancellationToken);
        foreach (var date in missed)
        {
            if (MissedSessions.Advise(current.Plan, date, today.AddDays(1), rules, (plan, day) => Reactions.ProjectedTsbInto(plan, yesterday, form.Ctl, form.Atl, day), taken)
                is not { } advice)
            {
                continue;
            }

            var session = advice.Session;
            var analysis = new Analysis
            {
                Type = AnalysisType.MissedSession,
                Day = date,
                Status = AnalysisStatus.Ready,
                Engine = "builtin",
                PlanVersionId = current.Id,
                Feedback = new CoachFeedback(
                    $"The {session.Name} planned for {date:ddd d MMM} ({session.DurationSeconds / 60} min, TSS {session.TargetTss:0}) was not ridden.",
                    [], [new CoachClaim(advice.Verdict, ["plannedTss", "plannedDurationSeconds"])], advice.Move is { } m ? [m] : []),
                Suggestions = advice.Move is { } move ? [new Suggestion("s1", SuggestionKind.PlanOperation, move.Reason, move.Cites, move.Operation)] : [],
                CompletedAt = clock.UtcNow,
            };
            db.Analyses.Add(analysis);
            db.ReactionOffers.Add(new ReactionOffer { Kind = ReactionOffer.MissedSession, Key = Key(date), AnalysisId = analysis.Id, CreatedAt = clock.UtcNow });
            if (advice.Move is { } moved)
            {
                taken.UnionWith(PendingChanges.Days(moved.Operation));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another check offered them first (the offers' key); nothing of this one is stored.
            logger.LogInformation(e, "Missed sessions already offered by another check");
            db.ChangeTracker.Clear();
            return 0;
        }

        logger.LogInformation("Missed sessions on {Dates}: offered", string.Join(", ", missed));
        return missed.Count;
    }

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
