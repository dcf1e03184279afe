using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>
/// Pushes due sessions until none is due, on start-up (what a dead process left pending is resumed: the pending marker
/// is the data), when the desired state changes, and on every poll (failed sessions come due after their backoff).
/// </summary>
public sealed class PlanPushWorker(IServiceScopeFactory scopes, PlanPushSignal signal, IOptions<PlanPushOptions> options, ILogger<PlanPushWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pusher = scope.ServiceProvider.GetRequiredService<PlanPusher>();
                while (await pusher.PushNextAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Pushing planned sessions failed; retrying");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
        }
    }
}
