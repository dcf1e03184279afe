using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.IntegrationEvents;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Data;
using CyclingCoach.ServiceDefaults.Messaging;

namespace CyclingCoach.Coaching.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CoachingDbContext>(ResourceNames.CoachingDb);
        builder.AddServiceBus(bus =>
        {
            bus.AddConsumer<WorkoutImportedConsumer>();
            bus.AddConsumer<WorkoutDeletedConsumer>();
        });
        builder.AddOutboxRelay<CoachingDbContext>();
        return builder;
    }
}
