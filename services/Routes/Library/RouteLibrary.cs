using CyclingCoach.Routes.Analysis;
using CyclingCoach.Routes.Data;
using CyclingCoach.Routes.Model;
using CyclingCoach.Routes.Options;
using CyclingCoach.Routes.Storage;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.ServiceDefaults.Storage;
using CyclingCoach.Training.Routes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CyclingCoach.Routes.Library;

/// <summary>
/// Adds, re-analyses and removes routes. Every change to a route and its <c>RouteAnalyzed</c> event commit in one
/// transaction; the GPX file is renamed into place before that commit and removed again if the commit fails (a crash
/// in between leaves a file the <see cref="GpxOrphanSweeper"/> removes).
/// Consistency with profile changes: writers hold the rider profile row <c>FOR SHARE</c> while they commit, the
/// re-estimation holds it <c>FOR UPDATE</c>, so a route is never committed with a profile version older than the one
/// every other route was re-estimated with.
/// </summary>
public sealed class RouteLibrary(
    RoutesDbContext db,
    GpxFileStore files,
    IOptions<RoutesOptions> options,
    TimeProvider time,
    ILogger<RouteLibrary> logger)
{
    /// <summary>Serialises the quota check and insert of concurrent uploads (pg_advisory_xact_lock key).</summary>
    private const long UploadLockKey = 0x526f757465730001;

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Routes.CountAsync(cancellationToken);

    public async Task<Guid?> FindByHashAsync(string hash, CancellationToken cancellationToken) =>
        await db.Routes.AsNoTracking().Where(r => r.ContentHash == hash).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Validates, analyses and stores a staged upload. Throws <see cref="RouteRejectedException"/> for a file that is not
    /// a usable GPX route. Whatever the outcome other than <see cref="UploadOutcome.Created"/>, the staged file is gone.
    /// </summary>
    public async Task<UploadOutcome> AddAsync(StagedFile staged, string? requestedName, string? fileName, CancellationToken cancellationToken)
    {
        var committedFile = false;
        try
        {
            if (await FindByHashAsync(staged.Hash, cancellationToken) is { } existing)
            {
                return new UploadOutcome.Duplicate(existing);
            }

            GpxRouteReader.GpxRoutePoints points;
            await using (var stream = File.OpenRead(staged.TempPath))
            {
                points = GpxRouteReader.Read(stream, options.Value.MaxUploadBytes);
            }

            var name = requestedName ?? RouteNames.Clean(points.Name) ?? RouteNames.Clean(Path.GetFileNameWithoutExtension(fileName)) ?? "Route";
            var profile = await db.RiderProfile.AsNoTracking().SingleAsync(cancellationToken);
            var analysis = RouteEstimator.Analyze(points, RiderProfiles.ToRider(profile));

            committedFile = files.Commit(staged, GpxFileStore.Extension);
            var strategy = db.Database.CreateExecutionStrategy();
            var outcome = await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({UploadLockKey})", ct);
                var current = await LockProfileAsync(forUpdate: false, ct);
                var count = await db.Routes.CountAsync(ct);
                if (count >= options.Value.MaxRoutes)
                {
                    return (UploadOutcome)new UploadOutcome.QuotaExceeded(options.Value.MaxRoutes);
                }

                if (await FindByHashAsync(staged.Hash, ct) is { } raced)
                {
                    return new UploadOutcome.Duplicate(raced);
                }

                // A profile change committed while we analysed: estimate with the profile we now hold locked.
                var rider = RiderProfiles.ToRider(current);
                var used = current.Version == profile.Version ? analysis : RouteEstimator.Analyze(points, rider);
                var route = new StoredRoute { Name = name, ContentHash = staged.Hash, FileSizeBytes = staged.Length };
                RouteEstimator.Apply(route, points, used, current.Version, time.GetUtcNow().UtcDateTime);
                db.Routes.Add(route);
                db.RoutePoints.Add(new StoredRoutePoints { RouteId = route.Id, Count = points.Points.Count, Data = RoutePointCodec.Encode(points.Points) });
                db.AddOutboxMessage(RouteEstimator.ToEvent(route, rider));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new UploadOutcome.Created(route);
            }, cancellationToken);

            if (outcome is not UploadOutcome.Created)
            {
                await RemoveFileIfUnreferencedAsync(staged.Hash, committedFile);
            }
            else if (!committedFile)
            {
                files.Restore(staged, GpxFileStore.Extension);
            }

            return outcome;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same file committed by a concurrent upload: its route owns the file.
            await RemoveFileIfUnreferencedAsync(staged.Hash, committedFile);
            return new UploadOutcome.Duplicate(await FindByHashAsync(staged.Hash, CancellationToken.None) ?? Guid.Empty);
        }
        catch
        {
            await RemoveFileIfUnreferencedAsync(staged.Hash, committedFile);
            throw;
        }
        finally
        {
            ContentFileStore.Discard(staged);
        }
    }

    /// <summary>Re-reads the stored file and re-estimates with the current profile. Null when the route does not exist.</summary>
    public async Task<StoredRoute?> ReanalyzeAsync(Guid id, CancellationToken cancellationToken)
    {
        var hash = await db.Routes.AsNoTracking().Where(r => r.Id == id).Select(r => r.ContentHash).FirstOrDefaultAsync(cancellationToken);
        if (hash is null)
        {
            return null;
        }

        var points = ReadStored(hash);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var profile = await LockProfileAsync(forUpdate: false, ct);
            var route = await db.Routes.FirstOrDefaultAsync(r => r.Id == id, ct);
            if (route is null)
            {
                return null;
            }

            await db.Sections.Where(s => s.RouteId == id).ExecuteDeleteAsync(ct);
            var rider = RiderProfiles.ToRider(profile);
            RouteEstimator.Apply(route, points, RouteEstimator.Analyze(points, rider), profile.Version, time.GetUtcNow().UtcDateTime);
            db.AddOutboxMessage(RouteEstimator.ToEvent(route, rider));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return route;
        }, cancellationToken);
    }

    /// <summary>
    /// Re-estimates every route not yet at <paramref name="profile"/>'s version, inside the caller's transaction (the
    /// profile row must be locked <c>FOR UPDATE</c> by the caller). The stored points (not the GPX files: no XML
    /// parsing) are analysed in parallel, one per core; the results are applied to the DbContext on this thread.
    /// Returns how many routes were re-estimated.
    /// </summary>
    public async Task<int> ReestimateAllAsync(RiderProfileRecord profile, CancellationToken cancellationToken)
    {
        var rider = RiderProfiles.ToRider(profile);
        var routes = await db.Routes.Where(r => r.ProfileVersion != profile.Version).ToListAsync(cancellationToken);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var index = routes.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var estimates = new (RouteAnalysis Analysis, IReadOnlyList<string>? Warnings)?[routes.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };

        // Stored points stream from the database while the analyses run in parallel (one per core).
        var ids = routes.Select(r => r.Id).ToList();
        var stored = db.RoutePoints.AsNoTracking().Where(p => ids.Contains(p.RouteId)).AsAsyncEnumerable();
        await Parallel.ForEachAsync(stored, options, (row, _) =>
        {
            estimates[index[row.RouteId]] = (RouteEstimator.Analyze(RoutePointCodec.Decode(row.Data), rider), null);
            return ValueTask.CompletedTask;
        });

        // Routes without stored points (none in normal operation): re-read the GPX file.
        var missing = Enumerable.Range(0, routes.Count).Where(i => estimates[i] is null).ToArray();
        await Parallel.ForEachAsync(missing, options, (i, _) =>
        {
            try
            {
                var points = ReadStored(routes[i].ContentHash);
                estimates[i] = (RouteEstimator.Analyze(points, rider), points.Warnings);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or RouteRejectedException)
            {
                // Keep the route listed with its old estimate; the next successful re-analysis brings it up to date.
                logger.LogError(e, "Route {RouteId}: the stored GPX file cannot be read; not re-estimated", routes[i].Id);
            }

            return ValueTask.CompletedTask;
        });

        var analysedMs = watch.ElapsedMilliseconds;
        var estimated = routes.Where((_, i) => estimates[i] is not null).Select(r => r.Id).ToList();
        await db.Sections.Where(s => estimated.Contains(s.RouteId)).ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var done = 0;
        for (var i = 0; i < routes.Count; i++)
        {
            if (estimates[i] is not { } estimate)
            {
                continue;
            }

            RouteEstimator.ApplyEstimate(routes[i], estimate.Analysis, estimate.Warnings, profile.Version, now);
            db.AddOutboxMessage(RouteEstimator.ToEvent(routes[i], rider));
            done++;
        }

        logger.LogInformation("Re-estimate to profile version {Version}: analysed {Count} route(s) in {AnalysedMs} ms, applied in {ApplyMs} ms",
            profile.Version, done, analysedMs, watch.ElapsedMilliseconds - analysedMs);
        return done;
    }

    /// <summary>Deletes the route (sections cascade), then its file. False when it does not exist.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var hash = await db.Routes.Where(r => r.Id == id).Select(r => r.ContentHash).FirstOrDefaultAsync(cancellationToken);
        if (hash is null)
        {
            return false;
        }

        var deleted = await db.Routes.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        await RemoveFileIfUnreferencedAsync(hash, true);
        return deleted > 0;
    }

    /// <summary>The rider profile row, locked until the current transaction ends.</summary>
    public async Task<RiderProfileRecord> LockProfileAsync(bool forUpdate, CancellationToken cancellationToken)
    {
        var sql = forUpdate
            ? "SELECT * FROM rider_profile WHERE id = 1 FOR UPDATE"
            : "SELECT * FROM rider_profile WHERE id = 1 FOR SHARE";
        return (await db.RiderProfile.FromSqlRaw(sql).AsTracking().ToListAsync(cancellationToken)).Single();
    }

    private GpxRouteReader.GpxRoutePoints ReadStored(string hash)
    {
        using var stream = files.OpenRead(hash, GpxFileStore.Extension) ?? throw new FileNotFoundException($"GPX {hash} is missing.");
        return GpxRouteReader.Read(stream, long.MaxValue);
    }

    /// <summary>
    /// Deletes the content file when no route references it. The check and the delete run under the upload lock, so an
    /// upload of the same content either commits first (and the file stays) or commits after and restores its copy.
    /// </summary>
    private async Task RemoveFileIfUnreferencedAsync(string hash, bool weWroteIt)
    {
        if (!weWroteIt)
        {
            return;
        }

        try
        {
            db.ChangeTracker.Clear();
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({UploadLockKey})");
                if (!await db.Routes.AsNoTracking().AnyAsync(r => r.ContentHash == hash))
                {
                    files.Delete(hash, GpxFileStore.Extension);
                }

                await transaction.CommitAsync();
            });
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // Cannot tell whether a route owns it; the orphan sweeper decides later.
            logger.LogWarning(e, "Could not check whether GPX {Hash} is referenced; leaving it to the orphan sweeper", hash);
        }
    }
}
