using System.ComponentModel;
using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Athletes;
using CyclingCoach.Coaching.Domain.Load;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Fitness;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Plans;
using CyclingCoach.Coaching.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace CyclingCoach.Coaching.Chat;

/// <summary>
/// What the LLM may do in a chat: read the rider's own data, and propose plan changes. A proposal is only a pending
/// suggestion (an analysis of type chat_proposal) that the rider approves like any other; the chat never writes a plan.
/// </summary>
public sealed class CoachTools(CoachingDbContext db, PlanService plans, RuleSetService rules, FitnessService fitness, AthleteService athletes, PlanProposals proposals, CoachClock clock)
{
    public List<Guid> Proposals { get; } = [];

    public IList<AITool> All() =>
    [
        AIFunctionFactory.Create(GetFitnessAsync, "get_fitness", "The rider's fitness (CTL), fatigue (ATL) and form (TSB) today, and the last 28 days' weekly hours and TSS.", CoachJson.Options),
        AIFunctionFactory.Create(GetRecentRidesAsync, "get_recent_rides", "The rider's rides of the last N days (at most 90): date, name, duration, distance, TSS, IF.", CoachJson.Options),
        AIFunctionFactory.Create(GetPlanAsync, "get_plan", "The current training plan: weeks, days and structured sessions.", CoachJson.Options),
        AIFunctionFactory.Create(GetRulesAsync, "get_rules", "The rider's active training rules.", CoachJson.Options),
        AIFunctionFactory.Create(GetAthleteAsync, "get_athlete", "The rider's thresholds today (FTP, weight, heart rates).", CoachJson.Options),
        AIFunctionFactory.Create(ProposePlanChangesAsync, "propose_plan_changes", "Propose changes to the current plan for the rider to approve. They are not applied until the rider approves them.", CoachJson.Options),
    ];

    public Task<FitnessSnapshot> GetFitnessAsync(CancellationToken cancellationToken) => fitness.SnapshotAsync(clock.Today, cancellationToken);

    public async Task<object> GetRecentRidesAsync([Description("How many days back, 1–90")] int days, CancellationToken cancellationToken)
    {
        var since = clock.Today.AddDays(-Math.Clamp(days, 1, 90));
        return await db.Workouts.AsNoTracking().Where(w => w.LocalDate >= since).OrderByDescending(w => w.StartTimeUtc)
            .Select(w => new { w.LocalDate, w.Name, w.DurationSeconds, w.DistanceMeters, w.TrainingStressScore, w.IntensityFactor, w.TrainingLoad })
            .ToListAsync(cancellationToken);
    }

    public async Task<TrainingPlan?> GetPlanAsync(CancellationToken cancellationToken) => (await plans.CurrentAsync(cancellationToken))?.Plan;

    public async Task<Domain.Rules.RuleSet?> GetRulesAsync(CancellationToken cancellationToken) => (await rules.ActiveAsync(cancellationToken))?.Rules;

    public Task<AthleteSnapshot> GetAthleteAsync(CancellationToken cancellationToken) => athletes.SnapshotAsync(clock.Today, cancellationToken);

    public async Task<string> ProposePlanChangesAsync(
        [Description("The changes, applied in order")] IReadOnlyList<PlanOperation> operations,
        [Description("Why, in one or two sentences, citing the numbers used")] string reason,
        CancellationToken cancellationToken)
    {
        var result = await proposals.ProposeAsync(operations, reason, "llm", cancellationToken);
        if (result.Analysis is { } proposed)
        {
            Proposals.Add(proposed.Id);
        }

        return result.Message;
    }
}
