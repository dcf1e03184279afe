using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Fitness;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Plans;
using CyclingCoach.Coaching.Readiness;
using CyclingCoach.Coaching.Rules;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// Computes an analysis: the facts (ride, plan day, compliance, form going into the ride) and the coach's feedback,
/// checked by <see cref="FeedbackValidator"/> whichever engine wrote it.
/// </summary>
public sealed class AnalysisRunner(
    CoachingDbContext db,
    CoachEngines engines,
    PlanService plans,
    RuleSetService ruleSets,
    AthleteService athletes,
    FitnessService fitness,
    ReadinessService readiness)
{
    public async Task<AnalysisResult?> RunAsync(Guid workoutId, CancellationToken cancellationToken)
    {
        var ride = await db.Workouts.AsNoTracking().FirstOrDefaultAsync(w => w.WorkoutId == workoutId, cancellationToken);
        if (ride is null)
        {
            return null;
        }

        var current = await plans.CurrentAsync(cancellationToken);
        var rules = (await ruleSets.ActiveAsync(cancellationToken))?.Rules ?? RuleSet.None;
        var form = await fitness.SnapshotAsync(ride.LocalDate, cancellationToken);
        var athlete = await athletes.SnapshotAsync(ride.LocalDate, cancellationToken);
        var facts = Compliance.BuildFacts(
            new RideNumbers(
                ride.WorkoutId, ride.LocalDate, ride.Name, ride.DurationSeconds, ride.DistanceMeters, ride.TrainingLoad ?? ride.TrainingStressScore,
                ride.IntensityFactor, ride.NormalizedPower, ride.AveragePower, ride.AverageHeartRate, ride.FtpUsedWatts ?? athlete.FtpWatts,
                athlete.LactateThresholdHeartRateBpm),
            current?.Plan, form.Ctl, form.Atl, form.Tsb) with { ReadinessScore = (await readiness.ForDayAsync(ride.LocalDate, cancellationToken))?.Score };
        facts = await RideFacts.AddAsync(db, facts, ride, await athletes.PeriodsAsync(cancellationToken), cancellationToken);
        var context = new AnalysisContext(facts, current?.Plan, rules, athlete);
        var feedback = await engines.RunAsync(
            (engine, ct) => engine.AnalyzeAsync(context, ct),
            f => FeedbackValidator.Check(f, facts, current?.Plan),
            cancellationToken);
        return new AnalysisResult(facts, feedback, current?.Id, DataQuestion.For(facts), context);
    }
}

/// <param name="Question">The implausible-data question both engines' analyses carry (asked by the service, not the engine).</param>
public sealed record AnalysisResult(AnalysisFacts Facts, EngineResult<CoachFeedback> Feedback, Guid? PlanVersionId, DataQuestionAdvice? Question, AnalysisContext Context)
{
    /// <summary>The feedback as stored: the engine's, with the data question's claim first when there is one.</summary>
    public CoachFeedback StoredFeedback => Question is { } q && !Feedback.Value.Improvements.Contains(q.Claim)
        ? Feedback.Value with { Improvements = [q.Claim, .. Feedback.Value.Improvements] }
        : Feedback.Value;

    public List<Suggestion> Suggestions(IReadOnlySet<DateOnly>? taken = null)
    {
        var kept = PendingChanges.Without(Feedback.Value.Suggestions, taken, Context.Plan);
        var list = kept.Select((s, i) => new Suggestion($"s{i + 1}", SuggestionKind.PlanOperation, s.Reason, s.Cites, s.Operation)).ToList();
        if (Question is { } q)
        {
            list.Add(new Suggestion($"s{list.Count + 1}", SuggestionKind.Thresholds, q.FtpReason, q.Claim.Cites,
                Thresholds: new ThresholdProposal(DataQuestionSource, Facts.Date, FtpWatts: q.ProposedFtpWatts), OneOf: DataQuestionGroup));
            list.Add(new Suggestion($"s{list.Count + 1}", SuggestionKind.ExcludeRide, q.BadDataReason, q.Claim.Cites, OneOf: DataQuestionGroup));
        }

        return list;
    }

    public const string DataQuestionSource = "implausible_ride";
    public const string DataQuestionGroup = "data";
}
