using CyclingCoach.Coaching.Ai;
using CyclingCoach.Coaching.Analyses;
using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Chat;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Engines;
using CyclingCoach.Coaching.Exports;
using CyclingCoach.Coaching.Fitness;
using CyclingCoach.Coaching.IntegrationEvents;
using CyclingCoach.Coaching.Mcp;
using CyclingCoach.Coaching.Plans;
using CyclingCoach.Coaching.Prompts;
using CyclingCoach.Coaching.Readiness;
using CyclingCoach.Coaching.Rules;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Data;
using CyclingCoach.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
            bus.AddConsumer<WorkoutMetricsRecalculatedConsumer>();
            bus.AddConsumer<AthleteSettingsImportedConsumer>();
            bus.AddConsumer<WellnessRecordedConsumer>();
            bus.AddConsumer<RouteAnalyzedConsumer>();
        });
        builder.AddOutboxRelay<CoachingDbContext>();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CoachClock>();
        services.Configure<FitnessOptions>(builder.Configuration.GetSection("Coaching:Fitness"));
        services.Configure<AnalysisOptions>(builder.Configuration.GetSection("Coaching:Analyses"));
        services.Configure<PlanOptions>(builder.Configuration.GetSection("Coaching:Plans"));

        // Engines: the built-in coach always; the LLM engine first when OpenRouter:ApiKey is set.
        builder.AddCoachEngines();
        services.AddScoped<IPromptSource, PromptStore>();
        services.AddScoped<PromptStore>();
        services.AddSingleton<IAiCallLog, AiCallLog>();

        services.AddScoped<AthleteService>();
        services.AddScoped<FitnessService>();
        services.AddScoped<ReadinessService>();
        services.AddScoped<RuleSetService>();
        services.AddSingleton<PlanGenerationGate>();
        services.AddScoped<PlanService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<PlanProposals>();
        services.AddScoped<CoachTools>();
        services.AddScoped<CoachChatService>();
        services.AddSingleton<AnalysisSignal>();
        services.AddScoped<AnalysisService>();
        services.AddScoped<AnalysisRunner>();
        services.AddScoped<WeekReview>();
        services.AddScoped<MissedSessionCheck>();
        services.AddHostedService<AnalysisWorker>();
        services.AddHostedService<MissedSessionSchedule>();
        services.AddHostedService<AnalysisPurge>();
        services.AddHostedService<PlanRoller>();
        services.AddHostedService<PromptSeeder>();
        builder.AddCoachMcp();
        return builder;
    }
}
