using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Plans;

/// <summary>
/// The rolling window: at start-up and every <see cref="PlanOptions.RollCheckInterval"/>, when a new week has started
/// since the current plan's first week, the coach makes the next version from this Monday (<see cref="PlanService.RollAsync"/>).
/// </summary>
public sealed class PlanRoller(IServiceScopeFactory scopes, IOptions<PlanOptions> options, TimeProvider time, ILogger<PlanRoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && options.Value.RollForward)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<PlanService>().RollAsync(stoppingToken) is { Version: { } version } result)
                {
                    logger.LogInformation("The plan's window moved: v{Version} from {Start} by {Engine}", version.Version, version.Plan.StartDate, result.Engine);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Rolling the plan forward failed; trying again later");
            }

            await Task.Delay(options.Value.RollCheckInterval, time, stoppingToken);
        }
    }
}
