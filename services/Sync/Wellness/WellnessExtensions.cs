using CyclingCoach.Sync.Garmin;
using CyclingCoach.Sync.IntervalsIcu;
using CyclingCoach.Sync.Sources;

namespace CyclingCoach.Sync.Wellness;

public static class WellnessExtensions
{
    /// <summary>The wellness step of sync runs (<c>Sync:Wellness:*</c>) and the two sources that have wellness.</summary>
    public static IHostApplicationBuilder AddWellnessSync(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WellnessOptions>().BindConfiguration(WellnessOptions.SectionName)
            .Validate(o => o.Days >= 1 && o.MaxDays >= 1, "Sync:Wellness:Days and MaxDays must be at least 1.")
            .ValidateOnStart();
        services.AddScoped<WellnessSync>();
        services.AddTransient<IWellnessSource, GarminWellnessSource>();
        services.AddTransient<IWellnessSource>(provider => provider.GetRequiredService<IntervalsIcuSource>());
        return builder;
    }
}
