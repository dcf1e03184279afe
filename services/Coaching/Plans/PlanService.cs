using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Analyses;
using CyclingCoach.Coaching.Domain.Courses;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Fitness;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Rules;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Plans;

/// <summary>
/// Plan versions: generation by the active engine, and the one way any version is stored (<see cref="StoreAsync"/>):
/// through <see cref="PlanValidator"/> against the active rules, as a new immutable row that becomes the current plan,
/// with <see cref="PlanVersionCreated"/> in the same transaction.
/// </summary>
public sealed class PlanService(
    CoachingDbContext db,
    CoachEngines engines,
    AthleteService athletes,
    FitnessService fitness,
    RuleSetService ruleSets,
    PlanGenerationGate gate,
    CoachClock clock)
{
    public Task<PlanVersion?> CurrentAsync(CancellationToken cancellationToken) =>
        db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.IsActive, cancellationToken);

    public Task<PlanWriteResult> GenerateAsync(PlanGenerateRequest request, CancellationToken cancellationToken) =>
        GenerateAsync(request, null, cancellationToken);

    /// <summary>
    /// The rolling window: when a new week has started since the current plan's first week, the next version from this
    /// Monday, for as many weeks, with the same goals, made and judged like any generated plan (createdBy
    /// <c>coach:&lt;engine&gt;</c>). The days before today stay as they were planned: they are what the rider rode
    /// against. Null when the window has not moved (or there is no plan); a conflict when a generation is running.
    /// </summary>
    public async Task<PlanWriteResult?> RollAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        var monday = PlanGenerateRequest.ThisMonday(clock.Today);
        if (current is null || current.Plan.StartDate >= monday)
        {
            return null;
        }

        return await GenerateAsync(new PlanGenerateRequest(current.Goals, monday, current.Plan.Weeks.Count), current.Plan, cancellationToken);
    }

    private async Task<PlanWriteResult> GenerateAsync(PlanGenerateRequest request, TrainingPlan? keepPast, CancellationToken cancellationToken)
    {
        if (!gate.TryEnter())
        {
            return PlanWriteResult.Conflicted("A plan is being generated; wait for it to finish.");
        }

        try
        {
            var today = clock.Today;
            var start = request.StartDate ?? PlanGenerateRequest.NextMonday(today);
            var active = await ruleSets.ActiveAsync(cancellationToken);
            var rules = active?.Rules ?? RuleSet.None;
            var context = new PlanContext(
                rules,
                await athletes.SnapshotAsync(today, cancellationToken),
                await fitness.SnapshotAsync(today, cancellationToken),
                request.Goals ?? new PlanGoals(),
                start,
                request.Weeks ?? PlanGenerateRequest.DefaultWeeks,
                (await CurrentAsync(cancellationToken))?.Plan,
                await CoursesAsync(rules, cancellationToken));
            var (generated, judged) = await GenerateJudgedAsync(engines, context, cancellationToken);
            var plan = keepPast is null ? generated.Value : KeepPast(generated.Value, keepPast, today);
            var result = await StoreAsync(plan, PlanOrigin.Generation, $"coach:{generated.Engine}", context.Goals, active?.Id, cancellationToken,
                judgement: [.. judged.Errors, .. judged.Warnings]);
            return result with { Engine = generated.Engine, FallbackReason = generated.FallbackReason };
        }
        finally
        {
            gate.Exit();
        }
    }

    /// <summary>The courses of the events that name a route (those Routes has analysed).</summary>
    private async Task<IReadOnlyList<EventCourse>> CoursesAsync(RuleSet rules, CancellationToken cancellationToken)
    {
        var ids = rules.Events.Where(e => e.RouteId is not null).Select(e => e.RouteId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Courses.AsNoTracking().Where(c => ids.Contains(c.RouteId)).Select(c => c.Course).ToListAsync(cancellationToken);
    }

    /// <summary>The days before <paramref name="today"/> as <paramref name="before"/> planned them.</summary>
    private static TrainingPlan KeepPast(TrainingPlan plan, TrainingPlan before, DateOnly today) => plan with
    {
        Weeks = [.. plan.Weeks.Select(w => w with { Days = [.. w.Days.Select(d => d.Date < today && before.Day(d.Date) is { } past ? past : d)] })],
    };

    /// <summary>
    /// Asks the engines for a plan that the rules and the coach's judgement accept (an LLM plan they refuse falls back
    /// to the built-in coach, whose plan is taken whatever the judgement says) and reviews the plan taken.
    /// </summary>
    public static async Task<(EngineResult<TrainingPlan> Generated, PlanReview Review)> GenerateJudgedAsync(CoachEngines engines, PlanContext context, CancellationToken cancellationToken)
    {
        var generated = await engines.RunAsync(
            (engine, ct) => engine.GeneratePlanAsync(context, ct),
            plan => PlanJudgement.Review(plan, context).Errors,
            cancellationToken);
        return (generated, PlanJudgement.Review(generated.Value, context));
    }

    private static IReadOnlyList<string> Errors(PlanRepairResult repaired) =>
        [.. repaired.Remaining.Where(v => v.Severity == ViolationSeverity.Error).Select(v => v.Message)];

    /// <summary>
    /// Repairs <paramref name="plan"/> against the active rules and stores it as the new current version; refuses it
    /// with the violations when the validator cannot make it keep the rules. <paramref name="judgement"/>: what the
    /// coach's judgement said of a generated plan, stored with its warnings (the built-in coach's plan is stored even
    /// when the judgement objects, since nothing is left to fall back to).
    /// </summary>
    public async Task<PlanWriteResult> StoreAsync(
        TrainingPlan plan, PlanOrigin origin, string createdBy, PlanGoals? goals, Guid? ruleSetId, CancellationToken cancellationToken,
        Func<CoachingDbContext, PlanVersion, CancellationToken, Task>? alsoInTransaction = null, IReadOnlyList<string>? judgement = null)
    {
        var active = await ruleSets.ActiveAsync(cancellationToken);
        var repaired = PlanValidator.Repair(plan, active?.Rules ?? RuleSet.None);
        if (!repaired.Accepted)
        {
            return PlanWriteResult.Refused(Errors(repaired));
        }

        PlanVersion stored = null!;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('plans'))", ct);
            var parent = await db.Plans.FirstOrDefaultAsync(p => p.IsActive, ct);
            if (parent is not null)
            {
                parent.IsActive = false;
                db.FlagChanges.Add(new FlagChange { Entity = "plan", EntityId = parent.Id, Flag = "active", Value = "false", ChangedBy = createdBy });
                await db.SaveChangesAsync(ct); // one active row at a time (partial unique index)
            }

            var id = Guid.CreateVersion7();
            stored = new PlanVersion
            {
                Id = id,
                Version = (await db.Plans.MaxAsync(p => (int?)p.Version, ct) ?? 0) + 1,
                ParentId = parent?.Id,
                LineageId = parent?.LineageId ?? id,
                Plan = repaired.Plan,
                Goals = goals ?? parent?.Goals,
                RuleSetId = ruleSetId ?? active?.Id,
                Origin = origin,
                CreatedBy = createdBy,
                Repairs = repaired.Repairs,
                Warnings = [.. repaired.Remaining.Select(v => v.Message), .. judgement ?? []],
                IsActive = true,
                CreatedAt = clock.UtcNow,
            };
            db.Plans.Add(stored);
            if (alsoInTransaction is not null)
            {
                await alsoInTransaction(db, stored, ct);
            }

            db.AddOutboxMessage(new PlanVersionCreated(
                stored.Id, stored.LineageId, stored.Version, stored.ParentId, createdBy, stored.CreatedAt.AsUtcOffset(), PlanSessions.Of(stored.Plan)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return PlanWriteResult.Stored(stored);
    }

    /// <summary>A new version equal to the current one's parent.</summary>
    public async Task<PlanWriteResult> UndoAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (current?.ParentId is not { } parentId)
        {
            return PlanWriteResult.Conflicted(current is null ? "There is no plan yet." : "The current plan is the first version; there is nothing to undo.");
        }

        var parent = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == parentId, cancellationToken);
        return await StoreAsync(parent.Plan, PlanOrigin.Undo, $"undo:{current.Id}", parent.Goals, parent.RuleSetId, cancellationToken);
    }

    public async Task<ComplianceResponse?> ComplianceAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }

        var plan = current.Plan;
        var first = from ?? plan.StartDate;
        var last = to ?? plan.EndDate;
        var today = clock.Today;
        var rides = await db.Workouts.AsNoTracking()
            .Where(w => w.LocalDate >= first && w.LocalDate <= last)
            .Select(WorkoutProjection.ToRideLoad)
            .ToListAsync(cancellationToken);
        var days = new List<ComplianceDay>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var planned = plan.Day(date);
            var done = rides.Where(r => r.Date == date).ToList();
            var seconds = done.Sum(r => r.DurationSeconds);
            var load = done.Sum(r => r.Load);
            var percent = date <= today && planned is { IsRest: false } ? Compliance.Percent(planned, seconds, load) : null;
            days.Add(new ComplianceDay(date, planned?.Workouts ?? [], done.ConvertAll(r => r.WorkoutId), seconds, load, percent,
                done.Count > 0 && planned is null or { IsRest: true }));
        }

        var scored = days.Where(d => d.CompliancePercent is not null).ToList();
        double? score = scored.Count == 0 ? null : Math.Round(scored.Average(d => d.CompliancePercent!.Value), 1);
        return new ComplianceResponse(current.Id, first, last, score, days);
    }
}
