using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Rules;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Model;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Rules;

/// <summary>Parses rules with the active engine and keeps them as immutable versions (the newest is active).</summary>
public sealed class RuleSetService(CoachingDbContext db, CoachEngines engines)
{
    public async Task<RuleParseResponse> ParseAsync(string text, CancellationToken cancellationToken)
    {
        var parsed = await engines.RunAsync((engine, ct) => engine.ParseRulesAsync(text, ct), r => RuleSetChecks.Problems(r.Rules), cancellationToken);
        // The routes attached to events are not in the words: the events still there keep theirs (see EventRoutes).
        var active = await ActiveAsync(cancellationToken);
        return new RuleParseResponse(parsed.Value.Rules.KeepRoutes(active?.Rules), parsed.Value.NotUnderstood, parsed.Engine, parsed.FallbackReason);
    }

    public Task<RuleSetVersion?> ActiveAsync(CancellationToken cancellationToken) =>
        db.RuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.IsActive, cancellationToken);

    public async Task<RuleSetVersion> SaveAsync(RuleSetSaveRequest request, CancellationToken cancellationToken)
    {
        var text = request.Text!.Trim();
        RuleSet rules;
        IReadOnlyList<string> notUnderstood;
        string createdBy;
        if (request.Rules is not null)
        {
            (rules, notUnderstood, createdBy) = (request.Rules, [], "user");
        }
        else
        {
            var parsed = await ParseAsync(text, cancellationToken);
            (rules, notUnderstood, createdBy) = (parsed.Rules, parsed.NotUnderstood, $"coach:{parsed.Engine}");
        }

        RuleSetVersion saved = null!;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('rule_sets'))", ct);
            var parent = await db.RuleSets.FirstOrDefaultAsync(r => r.IsActive, ct);
            if (parent is not null)
            {
                parent.IsActive = false;
                db.FlagChanges.Add(new FlagChange { Entity = "rule_set", EntityId = parent.Id, Flag = "active", Value = "false", ChangedBy = "new version" });
                await db.SaveChangesAsync(ct); // the partial unique index allows one active row at a time
            }

            var version = (await db.RuleSets.MaxAsync(r => (int?)r.Version, ct) ?? 0) + 1;
            saved = new RuleSetVersion
            {
                Version = version,
                ParentId = parent?.Id,
                Name = string.IsNullOrWhiteSpace(request.Name) ? $"Rules v{version}" : request.Name.Trim(),
                Text = text,
                Rules = rules,
                NotUnderstood = notUnderstood,
                IsActive = true,
                CreatedBy = createdBy,
            };
            db.RuleSets.Add(saved);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return saved;
    }
}
