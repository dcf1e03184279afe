using CyclingCoach.Coaching.Athletes;
using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.IntegrationEvents;

/// <summary>
/// Settings a source knows (Garmin, intervals.icu) are never adopted silently: values that differ from the
/// thresholds in effect today become one threshold suggestion the rider approves or rejects. An identical suggestion
/// still waiting is not offered again.
/// </summary>
public sealed class AthleteSettingsImportedConsumer(CoachingDbContext db, CoachClock clock)
    : IdempotentConsumer<CoachingDbContext, AthleteSettingsImported>(db)
{
    protected override async Task HandleAsync(ConsumeContext<AthleteSettingsImported> context, CancellationToken cancellationToken)
    {
        var m = context.Message;
        var current = await AthleteService.InEffectAsync(Db, clock.Today, cancellationToken);
        static T? Differs<T>(T? offered, T? have) where T : struct => offered is { } o && !Equals(o, have) ? o : null;
        var proposal = new ThresholdProposal(
            SourceName(m.Source),
            clock.Today,
            Differs(m.FtpWatts is { } f ? Math.Round(f) : null, current?.FtpWatts),
            Differs(m.WeightKg is { } w ? Math.Round(w, 1) : null, current?.WeightKg),
            Differs(m.MaxHeartRateBpm, current?.MaxHeartRateBpm),
            Differs(m.RestingHeartRateBpm, current?.RestingHeartRateBpm),
            Differs(m.LactateThresholdHeartRateBpm, current?.LactateThresholdHeartRateBpm));
        if (proposal is { FtpWatts: null, WeightKg: null, MaxHeartRateBpm: null, RestingHeartRateBpm: null, LactateThresholdHeartRateBpm: null })
        {
            return;
        }

        var waiting = await Db.Analyses.AsNoTracking()
            .Where(a => a.Type == AnalysisType.ThresholdUpdate && a.Status == AnalysisStatus.Ready)
            .ToListAsync(cancellationToken);
        if (waiting.Any(a => a.Suggestions.Any(s => s.State == SuggestionState.Pending && s.Thresholds is { } t && t with { EffectiveFrom = proposal.EffectiveFrom } == proposal)))
        {
            return;
        }

        Db.Analyses.Add(new Analysis
        {
            Type = AnalysisType.ThresholdUpdate,
            Status = AnalysisStatus.Ready,
            Engine = m.Source.ToString().ToLowerInvariant(),
            Suggestions = [new Suggestion("s1", SuggestionKind.Thresholds, $"{SourceName(m.Source)} reports thresholds that differ from yours.", [], Thresholds: proposal)],
            CompletedAt = clock.UtcNow,
        });
    }

    /// <summary>The source as riders write it (the suggestion's text and the proposal's source are shown as they are).</summary>
    private static string SourceName(WorkoutSource source) => source == WorkoutSource.IntervalsIcu ? "intervals.icu" : source.ToString();
}
