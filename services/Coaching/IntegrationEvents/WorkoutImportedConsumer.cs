using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.IntegrationEvents;

/// <summary>
/// Upserts the workout projection; a redelivery is skipped by message id, a re-import updates in place. A workout
/// seen for the first time queues its analysis in the same transaction, so a crash can neither lose nor double it.
/// </summary>
public sealed class WorkoutImportedConsumer(
    CoachingDbContext db,
    IOptions<AnalysisOptions> options,
    AnalysisSignal signal,
    CoachClock clock,
    ILogger<WorkoutImportedConsumer> logger) : IdempotentConsumer<CoachingDbContext, WorkoutImported>(db)
{
    protected override async Task HandleAsync(ConsumeContext<WorkoutImported> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var workout = await Db.Workouts.FindAsync([message.WorkoutId], cancellationToken);
        if (workout is null)
        {
            workout = new WorkoutProjection { WorkoutId = message.WorkoutId, Name = message.Name };
            Db.Workouts.Add(workout);
            if (options.Value.AnalyzeImportedWorkouts)
            {
                AnalysisService.Queue(Db, message.WorkoutId);
            }
        }

        workout.Apply(message);
        await FtpSuggestions.OfferAsync(Db, workout, clock.Today, clock.UtcNow, cancellationToken);
        logger.LogInformation("Projected workout {WorkoutId} ({Name})", message.WorkoutId, message.Name);
    }

    protected override void OnCommitted(WorkoutImported message) => signal.Notify();
}
