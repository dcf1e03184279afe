using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Data;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.ServiceDefaults.Storage;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.IntegrationEvents;
using CyclingCoach.Sync.PlanPush;

namespace CyclingCoach.Sync.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SyncDbContext>(ResourceNames.SyncDb);
        builder.AddServiceStorage();
        builder.AddGarmin();
        builder.AddServiceBus(bus =>
        {
            bus.AddConsumer<AthleteProfileChangedConsumer>();
            bus.AddConsumer<PlanVersionCreatedConsumer>();
        });
        builder.AddSyncPipeline();
        builder.AddPlanPush();
        builder.AddOutboxRelay<SyncDbContext>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
