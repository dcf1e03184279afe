using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Prompts;

/// <summary>
/// Prompt versions per action × model. A model without its own prompt uses the action's <see cref="DefaultModel"/>
/// row (seeded at first start from <see cref="DefaultPrompts"/>). A new version deactivates the previous one of its
/// action × model; activating an older version rolls back.
/// </summary>
public sealed class PromptStore(CoachingDbContext db) : IPromptSource
{
    public const string DefaultModel = "default";

    private const string SeedAuthor = "seed";

    public async Task<PromptTemplate?> GetActiveAsync(AiAction action, string model, CancellationToken cancellationToken)
    {
        var rows = await db.Prompts.AsNoTracking()
            .Where(p => p.Action == action && p.IsActive && (p.Model == model || p.Model == DefaultModel))
            .ToListAsync(cancellationToken);
        var row = rows.FirstOrDefault(p => p.Model == model) ?? rows.FirstOrDefault();
        return row is null ? null : new PromptTemplate(row.Id, row.Action, row.Model, row.Version, row.Template);
    }

    public async Task<PromptVersion> CreateAsync(AiAction action, string model, string template, string createdBy, CancellationToken cancellationToken)
    {
        PromptVersion created = null!;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('prompts'))", ct);
            var active = await db.Prompts.FirstOrDefaultAsync(p => p.Action == action && p.Model == model && p.IsActive, ct);
            if (active is not null)
            {
                Deactivate(active, createdBy);
                await db.SaveChangesAsync(ct);
            }

            created = new PromptVersion
            {
                Action = action,
                Model = model,
                Version = (await db.Prompts.Where(p => p.Action == action && p.Model == model).MaxAsync(p => (int?)p.Version, ct) ?? 0) + 1,
                ParentId = active?.Id,
                Template = template,
                IsActive = true,
                CreatedBy = createdBy,
            };
            db.Prompts.Add(created);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return created;
    }

    /// <summary>Makes <paramref name="id"/> the active version of its action × model; null when it does not exist.</summary>
    public async Task<PromptVersion?> ActivateAsync(Guid id, CancellationToken cancellationToken)
    {
        PromptVersion? target = null;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('prompts'))", ct);
            target = await db.Prompts.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (target is null || target.IsActive)
            {
                return;
            }

            var active = await db.Prompts.FirstOrDefaultAsync(p => p.Action == target.Action && p.Model == target.Model && p.IsActive, ct);
            if (active is not null)
            {
                Deactivate(active, "user");
                await db.SaveChangesAsync(ct);
            }

            target.IsActive = true;
            db.FlagChanges.Add(new FlagChange { Entity = "prompt", EntityId = target.Id, Flag = "active", Value = "true", ChangedBy = "user" });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return target;
    }

    /// <summary>
    /// Seeds the default prompt of every action that has none (first start, or a new action), and brings a seeded
    /// default up to date when the coach's text changed: only while the active version is the newest one and was
    /// seeded, so a rider's own version or a rollback stays as the rider left it.
    /// </summary>
    public async Task SeedDefaultsAsync(CancellationToken cancellationToken)
    {
        foreach (var action in Enum.GetValues<AiAction>())
        {
            var newest = await db.Prompts.AsNoTracking().Where(p => p.Action == action && p.Model == DefaultModel)
                .OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
            if (newest is null || newest is { IsActive: true, CreatedBy: SeedAuthor } && newest.Template != DefaultPrompts.For(action))
            {
                await CreateAsync(action, DefaultModel, DefaultPrompts.For(action), SeedAuthor, cancellationToken);
            }
        }
    }

    private void Deactivate(PromptVersion prompt, string by)
    {
        prompt.IsActive = false;
        db.FlagChanges.Add(new FlagChange { Entity = "prompt", EntityId = prompt.Id, Flag = "active", Value = "false", ChangedBy = by });
    }
}
