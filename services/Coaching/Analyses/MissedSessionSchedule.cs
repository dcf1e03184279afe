using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>Runs <see cref="MissedSessionCheck"/> at start-up and then every <see cref="AnalysisOptions.MissedSessionCheckMinutes"/>.</summary>
public sealed class MissedSessionSchedule(IServiceScopeFactory scopes, IOptions<AnalysisOptions> options, TimeProvider time, ILogger<MissedSessionSchedule> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MissedSessionCheck>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The missed-session check failed; trying again later");
            }

            await Task.Delay(TimeSpan.FromMinutes(options.Value.MissedSessionCheckMinutes), time, stoppingToken);
        }
    }
}
