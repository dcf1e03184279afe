using CyclingCoach.Routes.Options;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Routes.Storage;

/// <summary>Runs <see cref="GpxOrphanSweeper"/> at start-up and then every <see cref="RoutesOptions.OrphanSweepInterval"/>.</summary>
public sealed class OrphanSweepService(GpxOrphanSweeper sweeper, IOptions<RoutesOptions> options, TimeProvider time, ILogger<OrphanSweepService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = options.Value.OrphanSweepInterval;
            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may still be migrating or unreachable at start-up: try again soon.
                logger.LogWarning(e, "GPX orphan sweep failed; retrying shortly");
                delay = TimeSpan.FromSeconds(Math.Min(5, delay.TotalSeconds));
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
