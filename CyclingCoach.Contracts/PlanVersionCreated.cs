namespace CyclingCoach.Contracts;

/// <summary>A new immutable plan version exists (generated, evolved from an analysis, or edited by the rider).</summary>
public record PlanVersionCreated(Guid PlanId, Guid LineageId, int Version, Guid? ParentId, string CreatedBy, DateTimeOffset CreatedAt);
