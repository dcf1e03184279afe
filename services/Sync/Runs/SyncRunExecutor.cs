using CyclingCoach.ServiceDefaults;
using System.Diagnostics;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Import;
using CyclingCoach.Sync.Model;
using CyclingCoach.Sync.Sources;
using CyclingCoach.Sync.Wellness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Runs;

/// <summary>
/// Executes one claimed run: list the window, skip what the store has (workouts and aliases), download and import the
/// rest (the original file, else the source's streams) through <see cref="WorkoutImporter"/>. Activities the rider deleted (tombstones) are skipped before downloading. Originals are downloaded a few activities ahead (<see cref="DownloadAhead"/>); imports stay sequential. Counts are recomputed from scratch on every attempt; a workout stored
/// by an earlier attempt of the same run (ImportedByRunId) counts as imported, so a resumed run reports exact counts.
/// Then the source's wellness days (<see cref="WellnessSync"/>; its failure is a note in the run's error, never a failed run).
/// Events: SyncRunStarted, SyncRunProgressed, SyncRunCompleted / SyncRunFailed, AthleteSettingsImported, WellnessRecorded (outbox).
/// </summary>
public sealed class SyncRunExecutor(
    SyncDbContext db,
    WorkoutImporter importer,
    FileUnpacker unpacker,
    IEnumerable<IActivitySource> sources,
    IOptions<SyncOptions> options,
    IOptions<ImportOptions> importOptions,
    TimeProvider time,
    IServiceScopeFactory scopes,
    ILogger<SyncRunExecutor> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    /// <summary>A run whose attempts keep dying (crash, kill) is failed instead of retried forever.</summary>
    public const int MaxAttempts = 5;

    public async Task ExecuteAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.SyncRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is not { Status: SyncRunStatus.InProgress })
        {
            return;
        }

        if (run.Attempts >= MaxAttempts)
        {
            await FailAsync(run, $"Gave up after {run.Attempts} attempts; each stopped before finishing (see the service log).", cancellationToken);
            return;
        }

        var source = sources.FirstOrDefault(s => s.Source == run.Source);
        var reason = source is null ? $"No {run.Source} source is configured in this service." : await SafeReasonAsync(source, cancellationToken);
        run.Attempts++;
        run.StartedAt ??= Now;
        run.Found = run.Imported = run.Skipped = run.Failed = 0;
        run.Error = null;
        db.AddOutboxMessage(new SyncRunStarted(run.Id, run.Source, run.StartedAt.Value.AsUtcOffset()));
        await db.SaveChangesAsync(cancellationToken);

        if (reason is not null)
        {
            await FailAsync(run, reason, cancellationToken);
            return;
        }

        logger.LogInformation("Sync run {RunId} ({Source}, attempt {Attempt}) over {From:o} – {To:o}", run.Id, run.Source, run.Attempts, run.WindowFromUtc, run.WindowToUtc);
        string? lastFailure = null;
        WellnessSync.Result? wellness = null;
        try
        {
            await PublishSettingsAsync(source!, cancellationToken);

            var progressClock = Stopwatch.StartNew();
            var from = run.WindowFromUtc.AsUtcOffset();
            var to = run.WindowToUtc.AsUtcOffset();
            var known = await KnownIdsAsync(source!.Source, cancellationToken);
            await using var downloadScope = scopes.CreateAsyncScope();
            var downloader = downloadScope.ServiceProvider.GetServices<IActivitySource>().First(s => s.Source == run.Source);
            var cyclingOnly = options.Value.CyclingOnly;
            await foreach (var item in DownloadAhead.ReadAsync(downloader, from, to, a => !cyclingOnly || a.IsCycling, known, cancellationToken))
            {
                var activity = item.Activity;
                run.Found++;
                if (await db.DeletedSourceActivities.AsNoTracking().AnyAsync(d => d.Source == source.Source && d.SourceActivityId == activity.SourceActivityId, cancellationToken))
                {
                    run.Skipped++; // the rider deleted it: not downloaded, not imported again
                    continue;
                }

                try
                {
                    var outcome = await ImportOneAsync(source, item, run.Id, cancellationToken);
                    if (outcome.Kind is ImportOutcomeKind.Created or ImportOutcomeKind.MergedReplaced || outcome.ImportedByThisRun)
                    {
                        run.Imported++;
                    }
                    else
                    {
                        run.Skipped++;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    run.Failed++;
                    lastFailure = $"{activity.SourceActivityId}: {e.Message}";
                    logger.LogWarning(e, "Sync run {RunId}: activity {SourceActivityId} failed", run.Id, activity.SourceActivityId);
                    db.ChangeTracker.Clear();
                }

                Track(run);

                if (progressClock.Elapsed >= ProgressInterval)
                {
                    db.AddOutboxMessage(new SyncRunProgressed(run.Id, run.Source, run.Found, run.Imported, run.Skipped, run.Failed));
                    await db.SaveChangesAsync(cancellationToken);
                    progressClock.Restart();
                }
            }

            wellness = await WellnessSync.RunInScopeAsync(scopes, run.Source, run.WindowFromUtc, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // shutting down: the run stays in_progress and is resumed by the next start
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Sync run {RunId} failed", run.Id);
            await FailAsync(run, e.Message, CancellationToken.None);
            return;
        }

        run.Status = SyncRunStatus.Success;
        run.FinishedAt = Now;
        run.Error = run.Failed > 0 ? Truncate($"{run.Failed} activit{(run.Failed == 1 ? "y" : "ies")} failed; last: {lastFailure}") : null;
        if (wellness?.Error is { } wellnessError)
        {
            run.Error = Truncate(run.Error is null ? wellnessError : $"{run.Error} {wellnessError}");
        }

        run.LeaseOwner = null;
        run.LeaseExpiresAt = null;
        db.AddOutboxMessage(new SyncRunCompleted(run.Id, run.Source, run.Found, run.Imported, run.Skipped, run.Failed, run.FinishedAt.Value.AsUtcOffset()));
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Sync run {RunId} done: found {Found}, imported {Imported}, skipped {Skipped}, failed {Failed}", run.Id, run.Found, run.Imported, run.Skipped, run.Failed);
    }

    /// <summary>Source ids the store has when the run starts (workouts, aliases, tombstones): not downloaded ahead.</summary>
    private async Task<HashSet<string>> KnownIdsAsync(WorkoutSource source, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        known.UnionWith(await db.Workouts.AsNoTracking().Where(w => w.Source == source && w.SourceActivityId != null).Select(w => w.SourceActivityId!).ToListAsync(cancellationToken));
        known.UnionWith(await db.WorkoutAliases.AsNoTracking().Where(a => a.Source == source).Select(a => a.SourceActivityId).ToListAsync(cancellationToken));
        known.UnionWith(await db.DeletedSourceActivities.AsNoTracking().Where(d => d.Source == source).Select(d => d.SourceActivityId).ToListAsync(cancellationToken));
        return known;
    }

    private async Task<ImportOutcome> ImportOneAsync(IActivitySource source, DownloadAhead.Item item, Guid runId, CancellationToken cancellationToken)
    {
        var activity = item.Activity;
        if (await importer.FindExistingAsync(source.Source, activity.SourceActivityId, cancellationToken) is { } existing)
        {
            return new ImportOutcome(ImportOutcomeKind.Duplicate, existing.WorkoutId, existing.ImportedByRunId == runId);
        }

        ParsedActivity? parsed = null;
        item.Error?.Throw();
        var (file, streams) = item.Downloaded ? (item.File, item.Streams) : await DownloadAhead.DownloadAsync(source, activity, cancellationToken);
        if (file is not null)
        {
            var entries = unpacker.Unpack(file.Content, file.FileName);
            ImportRejectedException? first = null;
            foreach (var entry in entries)
            {
                try
                {
                    parsed = ActivityParser.Parse(entry.Content, entry.Name, importOptions.Value.MaxEntryBytes);
                    break;
                }
                catch (ImportRejectedException e)
                {
                    first ??= e;
                }
            }

            if (parsed is null)
            {
                throw first!;
            }
        }

        return await importer.ImportAsync(new ImportRequest(source.Source, parsed, activity, runId, Streams: streams), cancellationToken);
    }

    private async Task PublishSettingsAsync(IActivitySource source, CancellationToken cancellationToken)
    {
        try
        {
            if (await source.GetAthleteSettingsAsync(cancellationToken) is { } settings)
            {
                db.AddOutboxMessage(settings);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Reading athlete settings from {Source} failed; the run goes on", source.Source);
        }
    }

    /// <summary>The importer clears the shared change tracker after a failed or raced import; keep the run tracked with its counts.</summary>
    private void Track(SyncRun run)
    {
        if (db.Entry(run).State == EntityState.Detached)
        {
            db.Attach(run);
            db.Entry(run).State = EntityState.Modified;
        }
    }

    private async Task FailAsync(SyncRun run, string error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        Track(run);
        run.Status = SyncRunStatus.Error;
        run.Error = Truncate(error);
        run.FinishedAt = Now;
        run.LeaseOwner = null;
        run.LeaseExpiresAt = null;
        db.AddOutboxMessage(new SyncRunFailed(run.Id, run.Source, run.Error, run.Found, run.Imported, run.Skipped, run.Failed, run.FinishedAt.Value.AsUtcOffset()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string?> SafeReasonAsync(IActivitySource source, CancellationToken cancellationToken)
    {
        try
        {
            return await source.GetUnavailableReasonAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"{source.Source} is unavailable: {e.Message}";
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
    private static string Truncate(string s) => s.Length <= 2000 ? s : s[..2000];
}
