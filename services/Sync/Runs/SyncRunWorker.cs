using System.Collections.Concurrent;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Runs;

/// <summary>
/// Runs queued sync runs in the background. A run is claimed by taking its lease (an UPDATE that succeeds only when
/// nobody holds an unexpired lease) and the lease is renewed while it executes. On start-up — and on every poll —
/// any in_progress run without a live lease (queued, or left by a process that died) is claimed and resumed; the
/// import is idempotent by (source, source id), so a resumed run neither duplicates nor skips.
/// </summary>
public sealed class SyncRunWorker(
    IServiceScopeFactory scopes,
    SyncRunSignal signal,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<SyncRunWorker> logger) : BackgroundService
{
    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<Guid, Task> running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ClaimAndStartAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Looking for sync runs failed; retrying");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
        }

        await Task.WhenAll(running.Values).ContinueWith(_ => { }, CancellationToken.None);
    }

    private async Task ClaimAndStartAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SyncDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await db.SyncRuns.AsNoTracking()
            .Where(r => r.Status == SyncRunStatus.InProgress && (r.LeaseOwner == null || r.LeaseExpiresAt < now))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.LeaseOwner })
            .ToListAsync(stoppingToken);
        foreach (var candidate in candidates)
        {
            if (running.ContainsKey(candidate.Id) || !await TryLeaseAsync(db, candidate.Id, stoppingToken))
            {
                continue;
            }

            if (candidate.LeaseOwner is not null)
            {
                logger.LogWarning("Resuming sync run {RunId}: its previous worker ({Owner}) stopped renewing its lease", candidate.Id, candidate.LeaseOwner);
            }

            running[candidate.Id] = Task.Run(() => RunAsync(candidate.Id, stoppingToken), CancellationToken.None);
        }
    }

    private async Task<bool> TryLeaseAsync(SyncDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var claimed = await db.SyncRuns
            .Where(r => r.Id == id && r.Status == SyncRunStatus.InProgress && (r.LeaseOwner == null || r.LeaseExpiresAt < now || r.LeaseOwner == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseExpiresAt, until), cancellationToken);
        return claimed == 1;
    }

    private async Task RunAsync(Guid runId, CancellationToken stoppingToken)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = RenewAsync(runId, renewing.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SyncRunExecutor>().ExecuteAsync(runId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(runId);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Sync run {RunId} stopped unexpectedly; it will be retried once its lease expires", runId);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal.ContinueWith(_ => { }, CancellationToken.None);
            running.TryRemove(runId, out _);
        }
    }

    private async Task RenewAsync(Guid runId, CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.LeaseSeconds / 3));
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(period, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SyncDbContext>();
            await TryLeaseAsync(db, runId, cancellationToken);
        }
    }

    /// <summary>On shutdown: give the lease up so the next start resumes the run at once.</summary>
    private async Task ReleaseAsync(Guid runId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SyncDbContext>();
            await db.SyncRuns.Where(r => r.Id == runId && r.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseExpiresAt, (DateTime?)null));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Releasing sync run {RunId} failed; it is resumed once its lease expires", runId);
        }
    }
}
