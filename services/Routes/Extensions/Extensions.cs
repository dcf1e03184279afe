using CyclingCoach.Routes.Data;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Data;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.ServiceDefaults.Storage;

namespace CyclingCoach.Routes.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RoutesDbContext>(ResourceNames.RoutesDb);
        builder.AddServiceStorage();
        builder.AddServiceBus();
        builder.AddOutboxRelay<RoutesDbContext>();
        return builder;
    }
}
