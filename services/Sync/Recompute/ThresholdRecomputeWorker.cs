using System.Diagnostics;
using CyclingCoach.Sync.Runs;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Recompute;

/// <summary>
/// Runs <see cref="ThresholdRecomputer"/> batches until no ride is due, on start-up (a process that died mid-way left
/// rides due: they are resumed), when a new threshold history is stored, and on every poll. The "pending" marker is
/// the data itself — a ride checked against an older version than the stored one — so nothing is lost on a crash.
/// </summary>
public sealed class ThresholdRecomputeWorker(
    IServiceScopeFactory scopes,
    ThresholdRecomputeSignal signal,
    IOptions<SyncOptions> options,
    ILogger<ThresholdRecomputeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RecomputeAllDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Recomputing metrics for new thresholds failed; retrying");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
        }
    }

    private async Task RecomputeAllDueAsync(CancellationToken stoppingToken)
    {
        var batchSize = options.Value.RecomputeBatchSize;
        var started = Stopwatch.GetTimestamp();
        int checkedRides = 0, recalculated = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var batch = await scope.ServiceProvider.GetRequiredService<ThresholdRecomputer>().RecomputeBatchAsync(batchSize, stoppingToken);
            checkedRides += batch.Checked;
            recalculated += batch.Recalculated;
            if (batch.Checked < batchSize)
            {
                break;
            }
        }

        if (checkedRides > 0)
        {
            logger.LogInformation("Checked {Checked} rides against the threshold history, recomputed {Recalculated} in {Elapsed:F0} ms",
                checkedRides, recalculated, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
