using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Library;
using CyclingCoach.Coaching.Domain.Plans;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Plans;
using CyclingCoach.Coaching.Rules;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// The one way a plan change is proposed from outside an analysis — the chat, the rider's own assistant (MCP), the
/// library's "put this on day X": the operations must apply to the current plan and the result must pass the same
/// <see cref="PlanValidator"/> an approval stores through; then they wait as a pending suggestion (an analysis of type
/// <see cref="AnalysisType.ChatProposal"/>) that the rider approves or rejects like any other. Nothing here writes a plan.
/// </summary>
public sealed class PlanProposals(CoachingDbContext db, PlanService plans, RuleSetService rules, CoachClock clock)
{
    /// <param name="proposedBy">Who proposed it (the analysis's engine): <c>llm</c> (chat), <c>mcp</c>, <c>rider</c>.</param>
    public async Task<ProposalResult> ProposeAsync(IReadOnlyList<PlanOperation> operations, string reason, string proposedBy, CancellationToken cancellationToken)
    {
        if (operations.Count == 0)
        {
            return ProposalResult.Invalid("No operations were given.");
        }

        var current = await plans.CurrentAsync(cancellationToken);
        if (current is null)
        {
            return ProposalResult.NoPlan();
        }

        var applied = PlanOperationApplier.ApplyAll(current.Plan, operations);
        if (!applied.Succeeded)
        {
            return ProposalResult.Invalid($"Operation {applied.Error!.Index + 1} does not apply: {applied.Error.Message}");
        }

        // Refused when the rules cannot be kept, or only by undoing what was proposed on its own days (the rider would
        // approve one thing and get another).
        var checkedPlan = PlanValidator.Repair(applied.Plan!, (await rules.ActiveAsync(cancellationToken))?.Rules ?? RuleSet.None);
        if (!checkedPlan.Accepted)
        {
            return ProposalResult.Refused([.. checkedPlan.Remaining.Where(v => v.Severity == ViolationSeverity.Error).Select(v => v.Message)]);
        }

        var touched = operations.SelectMany(op => op.TargetDate is { } target ? [op.Date, target] : new[] { op.Date });
        if (touched.Any(date => CoachJson.Serialize(applied.Plan!.Day(date)) != CoachJson.Serialize(checkedPlan.Plan.Day(date))))
        {
            return ProposalResult.Refused(checkedPlan.Repairs);
        }

        var analysis = new Analysis
        {
            Type = AnalysisType.ChatProposal,
            Status = AnalysisStatus.Ready,
            Engine = proposedBy,
            Day = operations.Min(op => op.Date), // its week is the one the plan page shows it in
            PlanVersionId = current.Id,
            Suggestions = [.. operations.Select((op, i) => new Suggestion($"s{i + 1}", SuggestionKind.PlanOperation, reason, [], op))],
            CompletedAt = clock.UtcNow,
        };
        db.Analyses.Add(analysis);
        await db.SaveChangesAsync(cancellationToken);
        return ProposalResult.Proposed(analysis);
    }

    /// <summary>"Put this library session on <paramref name="date"/>": the day's sessions would become it, at its own length.</summary>
    public Task<ProposalResult> ProposeLibraryAsync(LibraryWorkout session, DateOnly date, string? reason, string proposedBy, CancellationToken cancellationToken) =>
        ProposeAsync(
            [new PlanOperation(PlanOperationKind.Replace, date, Workout: session.ToPlanned())],
            string.IsNullOrWhiteSpace(reason) ? $"Put {session.Name} from the library on {date:yyyy-MM-dd}." : reason.Trim(),
            proposedBy,
            cancellationToken);
}

public sealed record ProposalResult(Analysis? Analysis, string? Problem, IReadOnlyList<string> Violations, bool HasPlan)
{
    public static ProposalResult Proposed(Analysis analysis) => new(analysis, null, [], true);

    public static ProposalResult NoPlan() => new(null, "There is no plan yet; generate one first.", [], false);

    public static ProposalResult Invalid(string problem) => new(null, problem, [], true);

    public static ProposalResult Refused(IReadOnlyList<string> violations) =>
        new(null, $"The changed plan would break the rules: {string.Join(" ", violations)}", violations, true);

    /// <summary>The answer an assistant (chat or MCP) reads.</summary>
    public string Message => Analysis is { } proposed
        ? $"Proposed as {proposed.Id}; the rider will approve or reject it."
        : $"Not proposed: {Problem}";
}
