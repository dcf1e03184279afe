using System.Net;
using CyclingCoach.Sync.IntervalsIcu;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.PlanPush;

public static class PlanPushExtensions
{
    /// <summary>Pushing the active plan to intervals.icu and Garmin Connect (<c>Sync:PlanPush:*</c>), off until the rider turns a calendar on.</summary>
    public static IHostApplicationBuilder AddPlanPush(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PlanPushOptions>().BindConfiguration("Sync:PlanPush")
            .Validate(o => o.PollSeconds > 0 && o.RetryBaseSeconds > 0 && o.RetryMaxSeconds >= o.RetryBaseSeconds && o.LeaseSeconds >= 10,
                "Sync:PlanPush settings out of range.")
            .ValidateOnStart();
        services.AddSingleton<PlanPushSignal>();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; a failure becomes the session's status and is retried with backoff.
        services.AddHttpClient<IntervalsIcuCalendar>((provider, http) =>
                http.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<IntervalsIcuOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddScoped<ICalendarTarget>(provider => provider.GetRequiredService<IntervalsIcuCalendar>());
        services.AddScoped<ICalendarTarget, GarminCalendar>();
        services.AddScoped<PlanPusher>();
        services.AddHostedService<PlanPushWorker>();
        return builder;
    }
}
