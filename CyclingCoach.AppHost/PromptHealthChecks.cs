using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CyclingCoach.AppHost;

/// <summary>
/// Aspire 13.6 checks a resource that is not healthy yet again after 1, 2, 3, 4 and then every 5 s
/// (<c>ResourceHealthCheckService</c>), so a resource that became ready just after a check was seen up to 5 s later,
/// and its dependents started that much later: RabbitMQ and then the services, twice on a warm start's critical path.
/// Here every check of the AppHost (the servers' logins, the services' and the web app's <c>/health</c>) answers
/// "healthy" at once, and "not healthy" at once when its last answer was healthy (a crash shows without delay); after a
/// "not healthy" (and at its first call) it asks again every <see cref="Interval"/> for up to <see cref="Patience"/>
/// before answering, so a starting resource is seen within a quarter second of being ready.
/// </summary>
public static class PromptHealthChecks
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static void AskAgainUntilHealthy(IDistributedApplicationBuilder builder) =>
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                var create = registration.Factory;
                var last = new LastAnswer();
                registration.Factory = services => new Prompt(create(services), last);
            }
        });

    private sealed class LastAnswer
    {
        public volatile bool Healthy;
    }

    private sealed class Prompt(IHealthCheck check, LastAnswer last) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var asked = Stopwatch.StartNew();
            while (true)
            {
                HealthCheckResult result;
                try
                {
                    result = await check.CheckHealthAsync(context, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    result = new HealthCheckResult(context.Registration.FailureStatus, e.Message, e);
                }

                var healthy = result.Status == HealthStatus.Healthy;
                if (healthy || last.Healthy || asked.Elapsed + Interval > Patience)
                {
                    last.Healthy = healthy;
                    return result;
                }

                await Task.Delay(Interval, cancellationToken);
            }
        }
    }
}
