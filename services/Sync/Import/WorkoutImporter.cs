using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using CyclingCoach.Sync.Sources;
using CyclingCoach.Training.Science;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CyclingCoach.Sync.Import;

/// <summary>
/// The one pipeline behind uploads and sync runs: idempotent by (source, source id) — a workout or an alias — and
/// cross-source dedupe (start ± 60 s, duration ± 10 %) that keeps the richest copy under one workout id. A source's
/// streams (no original) take the file's place for metrics and streams, with no file stored. The file is
/// written (content-addressed, atomic) before the rows; the rows, streams and WorkoutImported commit together.
/// </summary>
public sealed class WorkoutImporter(SyncDbContext db, WorkoutFileStore files, TimeProvider time, ILogger<WorkoutImporter> logger)
{
    public static readonly TimeSpan StartTolerance = TimeSpan.FromSeconds(60);
    public const double DurationTolerance = 0.10;

    /// <summary>The workout this (source, source id) is already stored as, directly or as an alias.</summary>
    public async Task<(Guid WorkoutId, Guid? ImportedByRunId)?> FindExistingAsync(WorkoutSource source, string sourceActivityId, CancellationToken cancellationToken)
    {
        var direct = await db.Workouts.AsNoTracking()
            .Where(w => w.Source == source && w.SourceActivityId == sourceActivityId)
            .Select(w => new { w.Id, w.ImportedByRunId })
            .FirstOrDefaultAsync(cancellationToken);
        if (direct is not null)
        {
            return (direct.Id, direct.ImportedByRunId);
        }

        var alias = await db.WorkoutAliases.AsNoTracking()
            .Where(a => a.Source == source && a.SourceActivityId == sourceActivityId)
            .Select(a => (Guid?)a.WorkoutId)
            .FirstOrDefaultAsync(cancellationToken);
        return alias is { } id ? (id, null) : null;
    }

    public async Task<ImportOutcome> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var sourceId = request.SourceActivityId;
        if (await FindExistingAsync(request.Source, sourceId, cancellationToken) is { } existing)
        {
            return new ImportOutcome(ImportOutcomeKind.Duplicate, existing.WorkoutId, request.RunId is not null && existing.ImportedByRunId == request.RunId);
        }

        var thresholds = await db.LoadThresholdHistoryAsync(cancellationToken);
        var candidate = Build(request, sourceId, thresholds);
        var samples = Samples(request);
        var streams = samples.Length > 0 ? ToRow(candidate.Id, samples) : null;

        if (request.File is { } file)
        {
            await files.WriteAsync(file.Sha256, candidate.FileFormat!, file.Content, cancellationToken);
        }

        try
        {
            var outcome = await StoreAsync(request, candidate, streams, cancellationToken);

            // Stream arrays are large and compared element-wise by change detection: a long run must not keep them tracked.
            db.ChangeTracker.Clear();
            return outcome;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent import of the same (source, id) won the race.
            db.ChangeTracker.Clear();
            await RemoveFileIfUnreferencedAsync(candidate.FileSha256, candidate.FileFormat, cancellationToken);
            var winner = await FindExistingAsync(request.Source, sourceId, cancellationToken) ?? throw new InvalidOperationException("Unique violation without a stored row.", e);
            return new ImportOutcome(ImportOutcomeKind.Duplicate, winner.WorkoutId);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await RemoveFileIfUnreferencedAsync(candidate.FileSha256, candidate.FileFormat, CancellationToken.None);
            throw;
        }
    }

    private async Task<ImportOutcome> StoreAsync(ImportRequest request, Workout candidate, WorkoutStreams? streams, CancellationToken cancellationToken)
    {
        var match = await FindSameRideAsync(candidate, cancellationToken);
        if (match is null)
        {
            db.Workouts.Add(candidate);
            if (streams is not null)
            {
                db.WorkoutStreams.Add(streams);
            }

            db.AddOutboxMessage(candidate.ToImportedEvent());
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Imported workout {WorkoutId} from {Source} {SourceActivityId}", candidate.Id, candidate.Source, candidate.SourceActivityId);
            return new ImportOutcome(ImportOutcomeKind.Created, candidate.Id, request.RunId is not null);
        }

        if (candidate.Richness <= match.Richness)
        {
            db.WorkoutAliases.Add(new WorkoutAlias
            {
                Source = candidate.Source, SourceActivityId = candidate.SourceActivityId!, WorkoutId = match.Id, RawSourceJson = candidate.RawSourceJson,
            });
            await db.SaveChangesAsync(cancellationToken);
            await RemoveFileIfUnreferencedAsync(candidate.FileSha256, candidate.FileFormat, cancellationToken);
            logger.LogInformation("{Source} {SourceActivityId} is the same ride as workout {WorkoutId}; kept as an alias", candidate.Source, candidate.SourceActivityId, match.Id);
            return new ImportOutcome(ImportOutcomeKind.MergedKept, match.Id);
        }

        // The new copy is richer: it becomes the workout's data under the same id; the old copy becomes an alias.
        var oldFile = (match.FileSha256, match.FileFormat);
        if (match.SourceActivityId is not null)
        {
            db.WorkoutAliases.Add(new WorkoutAlias
            {
                Source = match.Source, SourceActivityId = match.SourceActivityId, WorkoutId = match.Id, RawSourceJson = match.RawSourceJson,
            });
        }

        // Free the (source, id) slot of the old copy before taking the new one, in the same transaction.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            CopyData(candidate, match);
            await db.WorkoutStreams.Where(s => s.WorkoutId == match.Id).ExecuteDeleteAsync(ct);
            if (streams is not null)
            {
                db.WorkoutStreams.Add(new WorkoutStreams
                {
                    WorkoutId = match.Id, StartUtc = streams.StartUtc, Length = streams.Length, Power = streams.Power, HeartRate = streams.HeartRate,
                    Cadence = streams.Cadence, Speed = streams.Speed, Altitude = streams.Altitude, Distance = streams.Distance,
                    Latitude = streams.Latitude, Longitude = streams.Longitude, Recorded = streams.Recorded, Moving = streams.Moving,
                });
            }

            db.AddOutboxMessage(match.ToImportedEvent());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        if (oldFile.FileSha256 != match.FileSha256)
        {
            await RemoveFileIfUnreferencedAsync(oldFile.FileSha256, oldFile.FileFormat, cancellationToken);
        }

        logger.LogInformation("{Source} {SourceActivityId} is the same ride as workout {WorkoutId} with richer data; it replaced it", candidate.Source, candidate.SourceActivityId, match.Id);
        return new ImportOutcome(ImportOutcomeKind.MergedReplaced, match.Id, request.RunId is not null);
    }

    /// <summary>Start within ± 60 s and elapsed time within ± 10 % of the longer one.</summary>
    private async Task<Workout?> FindSameRideAsync(Workout candidate, CancellationToken cancellationToken)
    {
        var from = candidate.StartTimeUtc - StartTolerance;
        var to = candidate.StartTimeUtc + StartTolerance;
        var near = await db.Workouts.Where(w => w.StartTimeUtc >= from && w.StartTimeUtc <= to && w.Source != WorkoutSource.Manual).ToListAsync(cancellationToken);
        return near
            .Where(w => Math.Abs(w.DurationSeconds - candidate.DurationSeconds) <= DurationTolerance * Math.Max(w.DurationSeconds, candidate.DurationSeconds))
            .OrderBy(w => Math.Abs((w.StartTimeUtc - candidate.StartTimeUtc).Ticks))
            .FirstOrDefault();
    }

    private async Task RemoveFileIfUnreferencedAsync(string? sha256, string? format, CancellationToken cancellationToken)
    {
        if (sha256 is null || format is null)
        {
            return;
        }

        if (!await db.Workouts.AnyAsync(w => w.FileSha256 == sha256, cancellationToken))
        {
            files.Delete(sha256, format);
        }
    }

    private Workout Build(ImportRequest request, string sourceId, ThresholdHistory thresholds)
    {
        var file = request.File;
        var listed = request.Listed;
        var activity = file?.Activity;
        var session = activity?.Session;
        var streams = Samples(request);
        var fromSource = file is null ? request.Streams : null;

        var startUtc = file?.StartUtc is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : listed!.StartTime.UtcDateTime;
        int? offset = listed is null ? null : (int)listed.StartTime.Offset.TotalMinutes;
        // A source's streams go through the same metrics (sample repair, mismatch check) as a file's samples.
        var metrics = file is null && fromSource is null
            ? null
            : WorkoutMetricsBuilder.Compute(streams, thresholds.On(Workout.LocalDateOf(startUtc, offset)), thresholds.Version,
                activity?.Warnings ?? [], file is null ? fromSource!.Device : DeviceSessionValues.From(session));
        var duration = session?.TotalElapsedSeconds ?? (metrics is { ElapsedSeconds: > 0 } ? metrics.ElapsedSeconds : (double?)null) ?? listed?.DurationSeconds ?? 0;
        var sport = session?.Sport ?? activity?.Sport ?? (listed is { IsCycling: true } ? "cycling" : null);
        var name = Trim(listed?.Name) ?? Trim(activity?.Name) ?? Trim(Path.GetFileNameWithoutExtension(request.UploadName ?? ""))
            ?? $"Ride {new DateTimeOffset(startUtc).ToOffset(TimeSpan.FromMinutes(offset ?? 0)):yyyy-MM-dd}";

        var workout = new Workout
        {
            Source = request.Source,
            SourceActivityId = sourceId,
            Name = name,
            Sport = Cap(sport, 64),
            ActivityType = Cap(listed?.ActivityType ?? session?.SubSport ?? activity?.SubSport, 64),
            StartTimeUtc = startUtc,
            StartUtcOffsetMinutes = offset,
            DurationSeconds = duration,
            MovingSeconds = metrics is { MovingSeconds: > 0 } ? metrics.MovingSeconds : session?.TotalTimerSeconds ?? listed?.MovingSeconds,
            DistanceMeters = session?.TotalDistanceMeters ?? StreamDistance(streams) ?? listed?.DistanceMeters ?? 0,
            ElevationGainMeters = session?.TotalAscentMeters ?? metrics?.ElevationGainMeters ?? listed?.ElevationGainMeters,
            AveragePower = session?.AveragePowerWatts ?? metrics?.AveragePowerWatts ?? listed?.AveragePowerWatts,
            MaxPower = session?.MaxPowerWatts ?? metrics?.MaxPowerWatts ?? listed?.MaxPowerWatts,
            AverageHeartRate = session?.AverageHeartRateBpm ?? metrics?.AverageHeartRateBpm ?? listed?.AverageHeartRateBpm,
            MaxHeartRate = session?.MaxHeartRateBpm ?? metrics?.MaxHeartRateBpm ?? listed?.MaxHeartRateBpm,
            AverageCadence = session?.AverageCadenceRpm ?? metrics?.AverageCadenceRpm ?? listed?.AverageCadenceRpm,
            Calories = listed?.Calories,
            Metrics = metrics,
            RawSourceJson = listed is null ? null : listed.Raw.GetRawText(),
            FileSha256 = file?.Sha256,
            FileFormat = file is null ? null : ActivityParser.Extension(file.Format),
            FileSizeBytes = file?.Content.LongLength,
            HasStreams = streams.Length > 0,
            StreamSource = streams.Length == 0 ? StreamSources.None : fromSource?.StreamSource ?? StreamSources.OriginalFile,
            Laps = activity is not null ? WorkoutLaps.From(activity.Laps, startUtc) : fromSource?.Laps,
            ImportedByRunId = request.RunId,
            ThresholdsCheckedVersion = thresholds.Version,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        workout.DropZeroSummaries();
        workout.UpdateTrainingLoad(thresholds.On(workout.LocalDate));
        return workout;
    }

    /// <summary>The 1 Hz samples of the file, else of the source's streams.</summary>
    private static RideStreams Samples(ImportRequest request) => request.File?.Streams ?? request.Streams?.Streams ?? RideStreams.Empty;

    private static double? StreamDistance(RideStreams streams)
    {
        if (!streams.HasDistance)
        {
            return null;
        }

        double first = double.NaN, last = double.NaN;
        foreach (var d in streams.Distance)
        {
            if (!double.IsNaN(d))
            {
                if (double.IsNaN(first))
                {
                    first = d;
                }

                last = d;
            }
        }

        return last - first;
    }

    private static void CopyData(Workout from, Workout to)
    {
        to.Source = from.Source;
        to.SourceActivityId = from.SourceActivityId;
        to.Name = from.Source == WorkoutSource.File ? to.Name : from.Name; // a file name is a poorer title than the source's
        to.Sport = from.Sport ?? to.Sport;
        to.ActivityType = from.ActivityType ?? to.ActivityType;
        to.StartTimeUtc = from.StartTimeUtc;
        to.StartUtcOffsetMinutes = from.StartUtcOffsetMinutes ?? to.StartUtcOffsetMinutes;
        to.DurationSeconds = from.DurationSeconds;
        to.MovingSeconds = from.MovingSeconds ?? to.MovingSeconds;
        to.DistanceMeters = from.DistanceMeters > 0 ? from.DistanceMeters : to.DistanceMeters;
        to.ElevationGainMeters = from.ElevationGainMeters ?? to.ElevationGainMeters;
        to.AveragePower = from.AveragePower ?? to.AveragePower;
        to.MaxPower = from.MaxPower ?? to.MaxPower;
        to.AverageHeartRate = from.AverageHeartRate ?? to.AverageHeartRate;
        to.MaxHeartRate = from.MaxHeartRate ?? to.MaxHeartRate;
        to.AverageCadence = from.AverageCadence ?? to.AverageCadence;
        to.Calories = from.Calories ?? to.Calories;
        to.Metrics = from.Metrics;
        to.TrainingLoad = from.TrainingLoad;
        to.TrainingLoadSource = from.TrainingLoadSource;
        to.ThresholdsCheckedVersion = from.ThresholdsCheckedVersion;
        to.RawSourceJson = from.RawSourceJson ?? to.RawSourceJson;
        to.FileSha256 = from.FileSha256;
        to.FileFormat = from.FileFormat;
        to.FileSizeBytes = from.FileSizeBytes;
        to.HasStreams = from.HasStreams;
        to.StreamSource = from.StreamSource;
        to.Laps = from.Laps;
        to.ImportedByRunId = from.ImportedByRunId;
        to.UpdatedAt = from.UpdatedAt;
    }

    private static WorkoutStreams ToRow(Guid workoutId, RideStreams s)
    {
        static float[]? F(double[] v, bool has) => has ? Array.ConvertAll(v, x => (float)x) : null;
        return new WorkoutStreams
        {
            WorkoutId = workoutId,
            StartUtc = s.StartUtc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null,
            Length = s.Length,
            Power = F(s.Power, s.HasPower),
            HeartRate = F(s.HeartRate, s.HasHeartRate),
            Cadence = F(s.Cadence, s.HasCadence),
            Speed = F(s.Speed, s.HasSpeed),
            Altitude = F(s.Altitude, s.HasAltitude),
            Distance = F(s.Distance, s.HasDistance),
            Latitude = s.HasPosition ? s.Latitude : null,
            Longitude = s.HasPosition ? s.Longitude : null,
            Recorded = s.Recorded,
            Moving = s.Moving,
        };
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : Cap(s.Trim(), 200);

    private static string? Cap(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}
