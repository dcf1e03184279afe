using System.Runtime.CompilerServices;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Garmin.Client;
using CyclingCoach.Sync.Garmin.Models;
using CyclingCoach.Sync.Sources;

namespace CyclingCoach.Sync.Garmin;

/// <summary>
/// Garmin wellness, one day at a time (four requests a day through the client's rate limit, retry and 429 cooldown
/// rules). The sleep and daily-summary paths name the account's <c>displayName</c>, read once from the social profile.
/// A 429 throws <see cref="GarminCooldownException"/> and nothing more is asked.
/// </summary>
public sealed class GarminWellnessSource(GarminApiClient api) : IWellnessSource
{
    public WorkoutSource Source => WorkoutSource.Garmin;

    public async IAsyncEnumerable<SourceWellnessDay> ListWellnessAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var profile = await api.GetSocialProfileAsync(cancellationToken);
        var displayName = profile?.String("displayName") ?? throw new GarminUpstreamException("Garmin's social profile has no displayName; wellness cannot be read.");
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var hrv = await api.GetHrvAsync(date, cancellationToken);
            var sleep = await api.GetDailySleepAsync(displayName, date, cancellationToken);
            var summary = await api.GetDailySummaryAsync(displayName, date, cancellationToken);
            var readiness = await api.GetTrainingReadinessAsync(date, cancellationToken);
            if (GarminWellness.From(hrv, sleep, summary, readiness) is { } day)
            {
                yield return new SourceWellnessDay(date, day.Metrics, day.Raw);
            }
        }
    }
}
