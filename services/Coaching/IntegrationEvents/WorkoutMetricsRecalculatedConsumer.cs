using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.IntegrationEvents;

/// <summary>
/// Sync recomputed a ride against new thresholds: the projection (and so fitness) takes the new metrics, and the
/// ride's reviews follow in the same transaction (<see cref="AnalysisRefresh"/>).
/// </summary>
public sealed class WorkoutMetricsRecalculatedConsumer(CoachingDbContext db, IOptions<AnalysisOptions> options, AnalysisSignal signal, CoachClock clock)
    : IdempotentConsumer<CoachingDbContext, WorkoutMetricsRecalculated>(db)
{
    private int queued;

    protected override async Task HandleAsync(ConsumeContext<WorkoutMetricsRecalculated> context, CancellationToken cancellationToken)
    {
        var workout = await Db.Workouts.FindAsync([context.Message.WorkoutId], cancellationToken);
        if (workout is null)
        {
            return;
        }

        workout.ApplyMetrics(context.Message.Metrics);
        queued = await AnalysisRefresh.RideRecalculatedAsync(Db, workout, clock.Today, options.Value.RefreshDays, cancellationToken);
    }

    protected override void OnCommitted(WorkoutMetricsRecalculated message)
    {
        if (queued > 0)
        {
            signal.Notify();
        }
    }
}
