using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using MassTransit;

namespace CyclingCoach.Sync.IntegrationEvents;

/// <summary>
/// Keeps the latest FTP / LTHR / max HR from Coaching; imports compute metrics against them. An older version
/// arriving late changes nothing; a redelivery is skipped by message id.
/// </summary>
public sealed class AthleteProfileChangedConsumer(SyncDbContext db, ILogger<AthleteProfileChangedConsumer> logger)
    : IdempotentConsumer<SyncDbContext, AthleteProfileChanged>(db)
{
    protected override async Task HandleAsync(ConsumeContext<AthleteProfileChanged> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var row = await Db.AthleteThresholds.FindAsync([AthleteThresholdsRecord.SingletonId], cancellationToken);
        if (row is null)
        {
            row = new AthleteThresholdsRecord();
            Db.AthleteThresholds.Add(row);
        }
        else if (row.Version > message.Version)
        {
            logger.LogInformation("Ignoring athlete profile version {Version}; version {Stored} is newer", message.Version, row.Version);
            return;
        }

        row.Version = message.Version;
        row.FtpWatts = message.FtpWatts;
        row.LactateThresholdHeartRateBpm = message.LactateThresholdHeartRateBpm;
        row.MaxHeartRateBpm = message.MaxHeartRateBpm;
        row.WeightKg = message.WeightKg;
        row.ChangedAt = message.ChangedAt.UtcDateTime;
        logger.LogInformation("Athlete thresholds version {Version}: FTP {Ftp} W, LTHR {Lthr} bpm", message.Version, message.FtpWatts, message.LactateThresholdHeartRateBpm);
    }
}
