using CyclingCoach.Routes.Data;
using CyclingCoach.Routes.IntegrationEvents;
using CyclingCoach.Routes.Library;
using CyclingCoach.Routes.Options;
using CyclingCoach.Routes.Storage;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Data;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CyclingCoach.Routes.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RoutesDbContext>(ResourceNames.RoutesDb);
        builder.AddServiceStorage();
        builder.AddServiceBus(bus => bus.AddConsumer<AthleteProfileChangedConsumer>());
        builder.AddOutboxRelay<RoutesDbContext>();

        builder.Services.AddOptions<RoutesOptions>().BindConfiguration(RoutesOptions.SectionName)
            .Validate(o => o.MaxUploadBytes > 0 && o.MaxRoutes > 0, "Routes:MaxUploadBytes and Routes:MaxRoutes must be positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GpxFileStore>();
        builder.Services.AddSingleton<GpxOrphanSweeper>();
        builder.Services.AddHostedService<OrphanSweepService>();
        builder.Services.AddHealthChecks().AddStorageCheck("gpx-volume", services => services.GetRequiredService<GpxFileStore>().Folder);
        builder.Services.AddScoped<RouteLibrary>();
        return builder;
    }
}
