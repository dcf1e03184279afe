using CyclingCoach.Coaching.Domain.Plans;

namespace CyclingCoach.Coaching.Model;

/// <summary>An immutable version of the plan. The active one is the current plan.</summary>
public sealed class PlanVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int Version { get; init; }
    public Guid? ParentId { get; init; }

    /// <summary>The first version's id, shared by every version evolved from it.</summary>
    public Guid LineageId { get; init; }
    public required TrainingPlan Plan { get; init; }
    public PlanGoals? Goals { get; init; }
    public Guid? RuleSetId { get; init; }

    /// <summary>What made this version: generation, analysis, chat, threshold or undo.</summary>
    public PlanOrigin Origin { get; init; }

    /// <summary><c>coach:builtin</c>, <c>coach:llm</c>, <c>analysis:&lt;id&gt;</c>, <c>undo:&lt;id&gt;</c>, <c>user</c>.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>What the validator changed to make the plan keep the rules.</summary>
    public IReadOnlyList<string> Repairs { get; init; } = [];

    /// <summary>Rule warnings the plan was stored with (for example a weekly minimum it does not reach).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}

public enum PlanOrigin
{
    Generation,
    Analysis,
    Chat,
    Threshold,
    Undo,
}
