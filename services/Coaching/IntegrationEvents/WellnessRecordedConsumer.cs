using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Coaching.Readiness;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;

namespace CyclingCoach.Coaching.IntegrationEvents;

/// <summary>
/// Stores the day (per source; a redelivery is skipped by message id, an older message than the stored one changes
/// nothing) and, when the day is today, offers the low-readiness suggestion in the same transaction.
/// </summary>
public sealed class WellnessRecordedConsumer(CoachingDbContext db, ReadinessService readiness, CoachClock clock, ILogger<WellnessRecordedConsumer> logger)
    : IdempotentConsumer<CoachingDbContext, WellnessRecorded>(db)
{
    protected override async Task HandleAsync(ConsumeContext<WellnessRecorded> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        var row = await Db.Wellness.FindAsync([m.Date, m.Source], cancellationToken);
        var recordedAt = m.RecordedAt.UtcDateTime;
        if (row is null)
        {
            Db.Wellness.Add(new WellnessRecord { Date = m.Date, Source = m.Source, Metrics = m.Metrics, RecordedAt = recordedAt });
        }
        else if (recordedAt >= row.RecordedAt)
        {
            row.Metrics = m.Metrics;
            row.RecordedAt = recordedAt;
        }
        else
        {
            return; // a late redelivery of an older pull
        }

        if (m.Date == clock.Today)
        {
            // Inside the base class's transaction: the readiness below reads the day just stored, and both commit together.
            await Db.SaveChangesAsync(cancellationToken);
            if (await ReadinessSuggestions.OfferAsync(Db, readiness, clock.Today, clock.UtcNow, cancellationToken))
            {
                logger.LogInformation("Low readiness on {Date} with a hard session planned: suggestion offered", m.Date);
            }
        }
    }
}
