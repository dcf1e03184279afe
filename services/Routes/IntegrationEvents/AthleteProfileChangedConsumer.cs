using System.Diagnostics;
using CyclingCoach.Contracts;
using CyclingCoach.Routes.Analysis;
using CyclingCoach.Routes.Data;
using CyclingCoach.Routes.Library;
using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;

namespace CyclingCoach.Routes.IntegrationEvents;

/// <summary>
/// Stores the newest rider/bike profile and re-estimates every route with it, in the consumer's transaction, once per
/// profile version: the profile row is locked <c>FOR UPDATE</c>, a version at or below the stored one changes nothing
/// (redeliveries, out-of-order or stale messages), and each re-estimated route gets its <c>profile_version</c> and a
/// <c>RouteAnalyzed</c> event in the same commit.
/// </summary>
public sealed class AthleteProfileChangedConsumer(RoutesDbContext db, RouteLibrary library, TimeProvider time, ILogger<AthleteProfileChangedConsumer> logger)
    : IdempotentConsumer<RoutesDbContext, AthleteProfileChanged>(db)
{
    protected override async Task HandleAsync(ConsumeContext<AthleteProfileChanged> context, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var profile = await library.LockProfileAsync(forUpdate: true, cancellationToken);
        if (message.Version <= profile.Version)
        {
            logger.LogInformation("Profile version {Version} ignored: version {Stored} is already applied", message.Version, profile.Version);
            return;
        }

        var watch = Stopwatch.StartNew();
        RiderProfiles.Apply(profile, message, time.GetUtcNow().UtcDateTime);
        var count = await library.ReestimateAllAsync(profile, cancellationToken);
        logger.LogInformation("Profile version {Version}: re-estimated {Count} route(s) in {ElapsedMs} ms", message.Version, count, watch.ElapsedMilliseconds);
    }
}
