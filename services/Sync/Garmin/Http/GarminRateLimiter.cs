using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Garmin.Http;

/// <summary>
/// Client-side request limit for everything sent to Garmin's API (research §4.9): a token bucket refilled at
/// <c>Garmin:RequestsPerSecond</c> with a small burst; callers wait their turn instead of failing.
/// </summary>
public sealed class GarminRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter? limiter;

    public GarminRateLimiter(IOptions<GarminOptions> options)
    {
        var perSecond = options.Value.RequestsPerSecond;
        if (perSecond <= 0)
        {
            return;
        }

        var burst = Math.Max(1, (int)Math.Ceiling(perSecond / 4));
        limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = burst,
            ReplenishmentPeriod = TimeSpan.FromSeconds(burst / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (limiter is null)
        {
            return;
        }

        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new GarminUpstreamException("The client-side Garmin request limit refused a request.");
        }
    }

    public void Dispose() => limiter?.Dispose();
}
