using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Model;
using Microsoft.EntityFrameworkCore;
using static CyclingCoach.Coaching.Domain.Load.CoachingPrinciples;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// Repeated over-performance (<see cref="OverPerformance"/>) offers a <see cref="AnalysisType.ThresholdUpdate"/> beside
/// the ride's review: an FTP test on a day of the plan that can take it, or — when the rides give a number — the new
/// FTP at once; the two are alternatives (approving one rejects the other). At most once per FTP period and 6-week
/// block (<c>reaction_offers</c>, written in the same transaction), so a run of strong rides asks once, not after
/// every ride.
/// </summary>
public static class FtpTestOffers
{
    public const string Source = "over_performance";
    public const string Group = "ftp";

    /// <summary>Adds the offer to <paramref name="db"/>'s change set when due; the caller saves.</summary>
    public static async Task OfferAsync(CoachingDbContext db, AnalysisResult result, IReadOnlySet<DateOnly> taken, DateTime now, CancellationToken cancellationToken)
    {
        var facts = result.Facts;
        if (OverPerformance.Assess(facts) is not { } check || facts.DaysSinceFtpChange is not { } days)
        {
            return;
        }

        var key = $"{facts.Date.AddDays(-(int)days):yyyy-MM-dd}/{(int)days / RetestAfterDays}";
        if (await db.ReactionOffers.AnyAsync(o => o.Kind == ReactionOffer.FtpTest && o.Key == key, cancellationToken))
        {
            return;
        }

        var suggestions = new List<Suggestion>();
        if (result.Context.Plan is { } plan && OverPerformance.TestDay(plan, facts, result.Context.Rules, check.Why, check.Cites, taken) is { } test)
        {
            suggestions.Add(new Suggestion("s1", SuggestionKind.PlanOperation, test.Reason, test.Cites, test.Operation, OneOf: Group));
        }

        if (check.ProposedFtpWatts is { } ftp)
        {
            suggestions.Add(new Suggestion($"s{suggestions.Count + 1}", SuggestionKind.Thresholds, $"Set your FTP to {ftp:0} W now: {check.Why}", check.Cites,
                Thresholds: new ThresholdProposal(Source, facts.Date, FtpWatts: ftp), OneOf: Group));
        }

        if (suggestions.Count == 0)
        {
            return; // no day can take a test yet: asked again after a later ride
        }

        var analysis = new Analysis
        {
            Type = AnalysisType.ThresholdUpdate,
            WorkoutId = facts.WorkoutId,
            Day = facts.Date,
            Status = AnalysisStatus.Ready,
            Engine = "builtin",
            PlanVersionId = result.PlanVersionId,
            Facts = facts,
            Feedback = new CoachFeedback($"Your FTP looks out of date after {facts.Name} on {facts.Date:ddd d MMM}.", [new CoachClaim(check.Why, check.Cites)], [], []),
            Suggestions = suggestions.Count == 1 ? [suggestions[0] with { OneOf = null }] : suggestions,
            CompletedAt = now,
        };
        db.Analyses.Add(analysis);
        db.ReactionOffers.Add(new ReactionOffer { Kind = ReactionOffer.FtpTest, Key = key, AnalysisId = analysis.Id, CreatedAt = now });
    }
}
