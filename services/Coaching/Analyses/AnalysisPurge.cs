using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Coaching.Analyses;

/// <summary>Once a day (and at start-up) deletes analyses older than <see cref="AnalysisOptions.PurgeAfterDays"/> that nobody approved.</summary>
public sealed class AnalysisPurge(IServiceScopeFactory scopes, IOptions<AnalysisOptions> options, TimeProvider time, ILogger<AnalysisPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} unapproved analyses older than {Days} days", purged, options.Value.PurgeAfterDays);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Purging old analyses failed; trying again later");
            }

            await Task.Delay(TimeSpan.FromHours(24), time, stoppingToken);
        }
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.PurgeAfterDays);
        return await db.Analyses
            .Where(a => a.CreatedAt < cutoff && (a.Status == AnalysisStatus.Ready || a.Status == AnalysisStatus.Rejected || a.Status == AnalysisStatus.Failed))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
