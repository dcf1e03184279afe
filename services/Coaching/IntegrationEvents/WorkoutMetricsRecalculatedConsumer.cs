using CyclingCoach.Coaching.Data;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;

namespace CyclingCoach.Coaching.IntegrationEvents;

/// <summary>Sync recomputed a ride against new thresholds: the projection (and so fitness) takes the new metrics.</summary>
public sealed class WorkoutMetricsRecalculatedConsumer(CoachingDbContext db)
    : IdempotentConsumer<CoachingDbContext, WorkoutMetricsRecalculated>(db)
{
    protected override async Task HandleAsync(ConsumeContext<WorkoutMetricsRecalculated> context, CancellationToken cancellationToken)
    {
        var workout = await Db.Workouts.FindAsync([context.Message.WorkoutId], cancellationToken);
        workout?.ApplyMetrics(context.Message.Metrics);
    }
}
