using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>
/// Completes pending analyses. A worker leases one (an UPDATE that bumps <see cref="Analysis.Attempts"/>), computes
/// it, and stores the result with <see cref="AnalysisCompleted"/> in one SaveChanges that only succeeds while the
/// attempt count (and revision) is still its own: a process that dies mid-analysis loses nothing (the lease runs out
/// and the next worker redoes it), a slow worker whose lease was taken over cannot store a second result, and one
/// still computing from numbers a threshold change replaced (<see cref="AnalysisRefresh"/>) cannot store those.
/// </summary>
public sealed class AnalysisWorker(
    IServiceScopeFactory scopes,
    AnalysisSignal signal,
    IOptions<AnalysisOptions> options,
    TimeProvider time,
    ILogger<AnalysisWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Analysis worker failed; retrying");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
        }
    }

    /// <summary>Takes and completes one pending analysis; false when there is none to take.</summary>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var id = await db.Analyses.AsNoTracking()
            .Where(a => a.Status == AnalysisStatus.Pending && (a.LeaseUntil == null || a.LeaseUntil < now))
            .OrderBy(a => a.CreatedAt)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(stoppingToken);
        if (id is null)
        {
            return false;
        }

        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var claimed = await db.Analyses
            .Where(a => a.Id == id && a.Status == AnalysisStatus.Pending && (a.LeaseUntil == null || a.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeaseUntil, until).SetProperty(a => a.Attempts, a => a.Attempts + 1), stoppingToken);
        if (claimed == 0)
        {
            return true; // another worker took it
        }

        var analysis = await db.Analyses.FirstAsync(a => a.Id == id, stoppingToken);
        if (analysis.Attempts > options.Value.MaxAttempts)
        {
            Fail(analysis, $"Gave up after {options.Value.MaxAttempts} attempts: {analysis.Error ?? "the analysis never completed"}");
            await db.SaveChangesAsync(stoppingToken);
            return true;
        }

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = RenewLeaseAsync(analysis.Id, analysis.Attempts, analysis.Revision, renewing.Token);
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<AnalysisRunner>().RunAsync(analysis.WorkoutId!.Value, stoppingToken);
            if (result is null)
            {
                Fail(analysis, "The workout no longer exists.");
            }
            else
            {
                await CompleteAsync(db, analysis, result, stoppingToken);
            }

            await db.SaveChangesAsync(stoppingToken);
            logger.LogInformation("Analysis {AnalysisId} of workout {WorkoutId}: {Status} by {Engine}", analysis.Id, analysis.WorkoutId, analysis.Status, analysis.Engine);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Analysis {AnalysisId} was taken over by another worker or queued again for new numbers; this result is dropped", analysis.Id);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Analysis {AnalysisId} attempt {Attempt} failed", analysis.Id, analysis.Attempts);
            // Retry after a pause that grows with each attempt, not at once: the fault may be the LLM's or the database's.
            var retryAt = time.GetUtcNow().UtcDateTime.AddSeconds(options.Value.RetryDelaySeconds * analysis.Attempts);
            await db.Analyses.Where(a => a.Id == analysis.Id && a.Attempts == analysis.Attempts && a.Revision == analysis.Revision)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Error, e.Message).SetProperty(a => a.LeaseUntil, retryAt), CancellationToken.None);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
        }

        return true;
    }

    /// <summary>
    /// Keeps the lease while an analysis runs (an LLM answer can take minutes), so the lease itself can be short: a
    /// worker that dies stops renewing and its analysis is taken over within <see cref="AnalysisOptions.LeaseSeconds"/>.
    /// </summary>
    private async Task RenewLeaseAsync(Guid id, int attempt, int revision, CancellationToken cancellationToken)
    {
        var every = TimeSpan.FromSeconds(options.Value.LeaseSeconds / 3.0);
        try
        {
            while (true)
            {
                await Task.Delay(every, time, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                var until = time.GetUtcNow().UtcDateTime.AddSeconds(options.Value.LeaseSeconds);
                await scope.ServiceProvider.GetRequiredService<CoachingDbContext>().Analyses
                    .Where(a => a.Id == id && a.Attempts == attempt && a.Revision == revision && a.Status == AnalysisStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeaseUntil, until), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Renewing the lease of analysis {AnalysisId} failed; another worker may take it over", id);
        }
    }

    /// <summary>
    /// The result, with the suggestions of days another waiting analysis already changes left out
    /// (<see cref="PendingChanges"/>), and an FTP test offer beside it when the ride calls for one — one transaction.
    /// </summary>
    private async Task CompleteAsync(CoachingDbContext db, Analysis analysis, AnalysisResult result, CancellationToken cancellationToken)
    {
        var taken = await PendingChanges.DaysAsync(db, analysis.Id, cancellationToken);
        analysis.Facts = result.Facts;
        analysis.Day = result.Facts.Date;
        analysis.Feedback = result.StoredFeedback;
        analysis.Suggestions = result.Suggestions(taken);
        analysis.Engine = result.Feedback.Engine;
        analysis.FallbackReason = result.Feedback.FallbackReason;
        analysis.PlanVersionId = result.PlanVersionId;
        analysis.Status = AnalysisStatus.Ready;
        analysis.Error = null;
        analysis.LeaseUntil = null;
        analysis.CompletedAt = time.GetUtcNow().UtcDateTime;
        db.AddOutboxMessage(new AnalysisCompleted(analysis.Id, analysis.WorkoutId!.Value, analysis.Engine, analysis.Suggestions.Count, analysis.CompletedAt.Value.AsUtcOffset()));
        taken.UnionWith(analysis.Suggestions.Where(s => s.Operation is not null).SelectMany(s => PendingChanges.Days(s.Operation!)));
        await FtpTestOffers.OfferAsync(db, result, taken, analysis.CompletedAt.Value, cancellationToken);
    }

    private void Fail(Analysis analysis, string error)
    {
        analysis.Status = AnalysisStatus.Failed;
        analysis.Error = error;
        analysis.LeaseUntil = null;
        analysis.CompletedAt = time.GetUtcNow().UtcDateTime;
    }
}
