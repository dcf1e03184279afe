using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using CyclingCoach.Sync.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Runs;

/// <summary>
/// <c>Sync:ScheduleHours</c> &gt; 0: every connected source (no unavailable reason) gets an incremental run when its
/// last run started more than that long ago. Off by default.
/// </summary>
public sealed class SyncScheduler(IServiceScopeFactory scopes, IOptions<SyncOptions> options, TimeProvider time, ILogger<SyncScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var hours = options.Value.ScheduleHours;
            if (hours > 0)
            {
                try
                {
                    await TickAsync(TimeSpan.FromHours(hours), stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Scheduled sync check failed");
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.ScheduleCheckSeconds)), time, stoppingToken);
        }
    }

    private async Task TickAsync(TimeSpan every, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SyncDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<SyncRunQueue>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var source in scope.ServiceProvider.GetServices<IActivitySource>())
        {
            var last = await db.SyncRuns.Where(r => r.Source == source.Source).MaxAsync(r => (DateTime?)r.CreatedAt, cancellationToken);
            if (last is { } l && now - l < every || await source.GetUnavailableReasonAsync(cancellationToken) is not null)
            {
                continue;
            }

            var result = await queue.EnqueueAsync(source.Source, null, null, "scheduled", cancellationToken);
            if (result.Run is { } run)
            {
                logger.LogInformation("Scheduled sync run {RunId} for {Source}", run.Id, source.Source);
            }
        }
    }
}
