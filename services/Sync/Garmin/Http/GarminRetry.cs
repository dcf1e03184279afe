using System.Net;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Garmin.Http;

/// <summary>
/// The only retry layer for Garmin (the standard resilience handler is removed from these clients): 5xx, 408 and
/// network failures are retried with full-jitter exponential backoff, a few times. 429 and 4xx never are.
/// </summary>
public sealed class GarminRetry(IOptions<GarminOptions> options, GarminRateLimiter rateLimiter, ILogger<GarminRetry> logger)
{
    public async Task<HttpResponseMessage> SendAsync(
        HttpClient client, Func<HttpRequestMessage> buildRequest, string operation, CancellationToken cancellationToken, bool rateLimited = true)
    {
        var settings = options.Value;
        var attempts = Math.Max(1, settings.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            if (rateLimited)
            {
                await rateLimiter.WaitAsync(cancellationToken);
            }

            HttpResponseMessage? response = null;
            Exception? failure = null;
            try
            {
                using var request = buildRequest();
                response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!IsTransient(response.StatusCode))
                {
                    return response;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = exception;
            }

            var status = response?.StatusCode;
            if (attempt >= attempts)
            {
                if (response is not null)
                {
                    return response; // the caller maps the final 5xx
                }

                throw new GarminUpstreamException($"Garmin could not be reached for {operation} after {attempts} attempts.", null, failure);
            }

            response?.Dispose();
            var delay = Delay(attempt, settings);
            logger.LogWarning("Garmin {Operation} failed ({Failure}); attempt {Attempt} of {Attempts}, retrying in {DelayMs} ms",
                operation, status is null ? failure!.GetType().Name : ((int)status).ToString(), attempt, attempts, (int)delay.TotalMilliseconds);
            await Task.Delay(delay, cancellationToken);
        }
    }

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status == HttpStatusCode.RequestTimeout;

    private static TimeSpan Delay(int attempt, GarminOptions settings)
    {
        var ceiling = Math.Min(settings.RetryMaxDelayMilliseconds, settings.RetryBaseDelayMilliseconds * Math.Pow(2, attempt - 1));
        // Full jitter, but never less than half the step, so retries stay spread out and never hammer.
        return TimeSpan.FromMilliseconds(ceiling / 2 + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
