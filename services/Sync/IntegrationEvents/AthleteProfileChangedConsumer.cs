using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using CyclingCoach.Sync.Recompute;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.IntegrationEvents;

/// <summary>
/// Replaces the stored threshold history with the message's periods (a publisher without periods: its current values
/// as one period from the beginning of time) and keeps its version; the <see cref="ThresholdRecomputeWorker"/> then
/// recomputes every ride whose period changed. A version already applied or older (late delivery) changes nothing;
/// a redelivery is skipped by message id.
/// </summary>
public sealed class AthleteProfileChangedConsumer(SyncDbContext db, ThresholdRecomputeSignal recompute, ILogger<AthleteProfileChangedConsumer> logger)
    : IdempotentConsumer<SyncDbContext, AthleteProfileChanged>(db)
{
    protected override async Task HandleAsync(ConsumeContext<AthleteProfileChanged> context, CancellationToken cancellationToken)
    {
        var message = context.Message;

        // FOR UPDATE: concurrent deliveries apply one after the other, and the worker (FOR SHARE) waits for this commit.
        var rows = await Db.AthleteThresholds
            .FromSql($"SELECT * FROM athlete_thresholds WHERE id = {AthleteThresholdsRecord.SingletonId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        var row = rows.SingleOrDefault();
        if (row is null)
        {
            row = new AthleteThresholdsRecord();
            Db.AthleteThresholds.Add(row);
        }
        else if (message.Version <= row.Version)
        {
            logger.LogInformation("Ignoring athlete profile version {Version}; version {Stored} is already applied", message.Version, row.Version);
            return;
        }

        row.Version = message.Version;
        row.FtpWatts = message.FtpWatts;
        row.LactateThresholdHeartRateBpm = message.LactateThresholdHeartRateBpm;
        row.MaxHeartRateBpm = message.MaxHeartRateBpm;
        row.RestingHeartRateBpm = message.RestingHeartRateBpm;
        row.EffectiveFrom = message.EffectiveFrom;
        row.WeightKg = message.WeightKg;
        row.ChangedAt = message.ChangedAt.UtcDateTime;

        await Db.AthleteThresholdPeriods.ExecuteDeleteAsync(cancellationToken);
        var periods = Periods(message);
        Db.AthleteThresholdPeriods.AddRange(periods);
        recompute.Notify();
        logger.LogInformation("Athlete thresholds version {Version}: {Periods} period(s), current FTP {Ftp} W, LTHR {Lthr} bpm, resting HR {Resting} bpm",
            message.Version, periods.Count, message.FtpWatts, message.LactateThresholdHeartRateBpm, message.RestingHeartRateBpm);
    }

    /// <summary>The message's periods, one per date (the later one of a repeated date wins).</summary>
    private static List<AthleteThresholdPeriod> Periods(AthleteProfileChanged message)
    {
        IEnumerable<ThresholdPeriod> periods = message.Thresholds is { Count: > 0 } list
            ? list
            : [new ThresholdPeriod(DateOnly.MinValue, message.FtpWatts, message.LactateThresholdHeartRateBpm, message.MaxHeartRateBpm, message.RestingHeartRateBpm)];
        return periods
            .GroupBy(p => p.EffectiveFrom)
            .Select(g => AthleteThresholdPeriod.From(g.Last()))
            .OrderBy(p => p.EffectiveFrom)
            .ToList();
    }
}
