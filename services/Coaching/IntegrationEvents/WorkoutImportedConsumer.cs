using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;

namespace CyclingCoach.Coaching.IntegrationEvents;

/// <summary>Upserts the workout projection; a redelivery is skipped by message id, a re-import updates in place.</summary>
public sealed class WorkoutImportedConsumer(CoachingDbContext db, ILogger<WorkoutImportedConsumer> logger)
    : IdempotentConsumer<CoachingDbContext, WorkoutImported>(db)
{
    protected override async Task HandleAsync(ConsumeContext<WorkoutImported> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var workout = await Db.Workouts.FindAsync([message.WorkoutId], cancellationToken);
        if (workout is null)
        {
            workout = new WorkoutProjection { WorkoutId = message.WorkoutId, Name = message.Name };
            Db.Workouts.Add(workout);
        }

        workout.Apply(message);
        logger.LogInformation("Projected workout {WorkoutId} ({Name})", message.WorkoutId, message.Name);
    }
}
