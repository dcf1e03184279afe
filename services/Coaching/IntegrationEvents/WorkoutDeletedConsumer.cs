using CyclingCoach.Coaching.Data;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.IntegrationEvents;

public sealed class WorkoutDeletedConsumer(CoachingDbContext db) : IdempotentConsumer<CoachingDbContext, WorkoutDeleted>(db)
{
    protected override async Task HandleAsync(ConsumeContext<WorkoutDeleted> context, CancellationToken cancellationToken) =>
        await Db.Workouts.Where(w => w.WorkoutId == context.Message.WorkoutId).ExecuteDeleteAsync(cancellationToken);
}
