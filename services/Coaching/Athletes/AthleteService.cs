using CyclingCoach.Coaching.Data;
using CyclingCoach.Coaching.Domain.Athletes;
using CyclingCoach.Coaching.Model;
using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Training.Science;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Coaching.Athletes;

/// <summary>
/// The rider's thresholds (periods with effective dates, never overwritten), bike and availability. Every change
/// bumps the profile version and publishes <see cref="AthleteProfileChanged"/> in the same transaction.
/// </summary>
public sealed class AthleteService(CoachingDbContext db, CoachClock clock)
{
    /// <summary>One period per effective date (the newest entry for a date wins), oldest first.</summary>
    public Task<IReadOnlyList<AthleteThresholdPeriod>> PeriodsAsync(CancellationToken cancellationToken) => PeriodsAsync(db, cancellationToken);

    public static async Task<IReadOnlyList<AthleteThresholdPeriod>> PeriodsAsync(CoachingDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.ThresholdPeriods.AsNoTracking().OrderBy(p => p.EffectiveFrom).ThenBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        return rows.GroupBy(p => p.EffectiveFrom).Select(g => g.Last()).ToList();
    }

    /// <summary>The thresholds in effect on <paramref name="date"/>, read from <paramref name="db"/> (for consumers in a transaction).</summary>
    public static async Task<AthleteThresholdPeriod?> InEffectAsync(CoachingDbContext db, DateOnly date, CancellationToken cancellationToken) =>
        InEffect(await PeriodsAsync(db, cancellationToken), date);

    /// <summary>
    /// The thresholds in effect on <paramref name="date"/> (<see cref="ThresholdTimeline"/>, GoldenCheetah's
    /// convention, as Sync's <c>ThresholdHistory.On</c>): the period starting last on or before it, and before the
    /// first period that gives a value, that first value — a first FTP applies to every earlier ride too. The result
    /// is that period (id, date, author) with the values resolved; null only without periods.
    /// </summary>
    public static AthleteThresholdPeriod? InEffect(IReadOnlyList<AthleteThresholdPeriod> periods, DateOnly date)
    {
        var index = ThresholdTimeline.PeriodOn(periods, p => p.EffectiveFrom, date);
        if (index < 0)
        {
            return null;
        }

        TValue? Value<TValue>(Func<AthleteThresholdPeriod, TValue?> value) where TValue : struct =>
            ThresholdTimeline.ValueOn(periods, p => p.EffectiveFrom, value, date);
        var period = periods[index];
        return new AthleteThresholdPeriod
        {
            Id = period.Id,
            EffectiveFrom = period.EffectiveFrom,
            FtpWatts = Value(p => p.FtpWatts),
            WeightKg = Value(p => p.WeightKg),
            LactateThresholdHeartRateBpm = Value(p => p.LactateThresholdHeartRateBpm),
            MaxHeartRateBpm = Value(p => p.MaxHeartRateBpm),
            RestingHeartRateBpm = Value(p => p.RestingHeartRateBpm),
            CreatedBy = period.CreatedBy,
            CreatedAt = period.CreatedAt,
        };
    }

    public async Task<AthleteResponse> GetAsync(CancellationToken cancellationToken)
    {
        var profile = await db.AthleteProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == AthleteProfile.SingletonId, cancellationToken);
        var periods = await PeriodsAsync(cancellationToken);
        var history = await db.ThresholdPeriods.AsNoTracking().OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);
        return AthleteResponse.From(profile, InEffect(periods, clock.Today), history);
    }

    /// <summary>The rides before <paramref name="effectiveFrom"/> that a first FTP or LTHR from that date would also apply to.</summary>
    public async Task<EarlierRidesResponse> EarlierRidesAsync(DateOnly effectiveFrom, CancellationToken cancellationToken)
    {
        var periods = await PeriodsAsync(cancellationToken);
        var earlier = db.Workouts.AsNoTracking().Where(w => w.LocalDate < effectiveFrom);
        var firstFtp = periods.FirstOrDefault(p => p.FtpWatts is not null);
        var firstLthr = periods.FirstOrDefault(p => p.LactateThresholdHeartRateBpm is not null);
        int? ftpRides = firstFtp?.EffectiveFrom < effectiveFrom
            ? null
            : await earlier.CountAsync(w => w.AveragePower > 0 || w.NormalizedPower > 0, cancellationToken);
        int? lthrRides = firstLthr?.EffectiveFrom < effectiveFrom
            ? null
            : await earlier.CountAsync(w => w.AverageHeartRate > 0, cancellationToken);
        return new EarlierRidesResponse(
            effectiveFrom, ftpRides, ftpRides is null ? null : firstFtp?.FtpWatts, lthrRides, lthrRides is null ? null : firstLthr?.LactateThresholdHeartRateBpm);
    }

    public async Task<AthleteSnapshot> SnapshotAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var p = InEffect(await PeriodsAsync(cancellationToken), date);
        return new AthleteSnapshot(p?.FtpWatts, p?.WeightKg, p?.MaxHeartRateBpm, p?.LactateThresholdHeartRateBpm, p?.RestingHeartRateBpm);
    }

    /// <summary>Applies a validated update; a PUT that changes nothing changes no version and publishes nothing.</summary>
    public async Task<AthleteResponse> UpdateAsync(AthleteUpdateRequest update, string createdBy, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // One writer at a time: the version and the period list must not interleave.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('athlete_profile'))", ct);
            var profile = await db.AthleteProfiles.FirstOrDefaultAsync(p => p.Id == AthleteProfile.SingletonId, ct);
            if (profile is null)
            {
                profile = new AthleteProfile();
                db.AthleteProfiles.Add(profile);
            }

            var changed = false;
            var from = update.EffectiveFrom ?? clock.Today;
            var periods = await PeriodsAsync(ct);
            var current = InEffect(periods, from);
            var period = new AthleteThresholdPeriod
            {
                EffectiveFrom = from,
                FtpWatts = update.FtpWatts,
                WeightKg = update.WeightKg,
                LactateThresholdHeartRateBpm = update.LactateThresholdHeartRateBpm,
                MaxHeartRateBpm = update.MaxHeartRateBpm,
                RestingHeartRateBpm = update.RestingHeartRateBpm,
                CreatedBy = createdBy,
            };
            // Values equal to those already in effect on that date start nothing new.
            if (current is null ? HasAny(period) : !SameThresholds(current, period))
            {
                db.ThresholdPeriods.Add(period);
                periods = [.. periods.Where(p => p.EffectiveFrom != from).Append(period).OrderBy(p => p.EffectiveFrom)];
                changed = true;
            }

            var availability = update.WeeklyAvailabilityHours?.ToArray();
            if (CoachJson.Serialize(profile.Bike) != CoachJson.Serialize(update.Bike)
                || CoachJson.Serialize(profile.WeeklyAvailabilityHours) != CoachJson.Serialize(availability))
            {
                profile.Bike = update.Bike;
                profile.WeeklyAvailabilityHours = availability;
                changed = true;
            }

            if (!changed)
            {
                return;
            }

            profile.Version++;
            profile.UpdatedAt = clock.UtcNow;
            db.AddOutboxMessage(ProfileChanged(profile, periods, InEffect(periods, clock.Today)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        return await GetAsync(cancellationToken);
    }

    /// <summary>Adopts approved thresholds: the proposal's values over those in effect on its date, bike and availability kept.</summary>
    public async Task AdoptAsync(ThresholdProposal proposal, string createdBy, CancellationToken cancellationToken)
    {
        var current = InEffect(await PeriodsAsync(cancellationToken), proposal.EffectiveFrom);
        var profile = await db.AthleteProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.Id == AthleteProfile.SingletonId, cancellationToken);
        await UpdateAsync(new AthleteUpdateRequest(
            proposal.EffectiveFrom,
            proposal.FtpWatts ?? current?.FtpWatts,
            proposal.WeightKg ?? current?.WeightKg,
            proposal.LactateThresholdHeartRateBpm ?? current?.LactateThresholdHeartRateBpm,
            proposal.MaxHeartRateBpm ?? current?.MaxHeartRateBpm,
            proposal.RestingHeartRateBpm ?? current?.RestingHeartRateBpm,
            profile?.Bike,
            WeeklyAvailability.From(profile?.WeeklyAvailabilityHours)), createdBy, cancellationToken);
    }

    private static bool HasAny(AthleteThresholdPeriod p) =>
        p.FtpWatts is not null || p.WeightKg is not null || p.LactateThresholdHeartRateBpm is not null
        || p.MaxHeartRateBpm is not null || p.RestingHeartRateBpm is not null;

    private static bool SameThresholds(AthleteThresholdPeriod a, AthleteThresholdPeriod b) =>
        a.FtpWatts == b.FtpWatts && a.WeightKg == b.WeightKg && a.LactateThresholdHeartRateBpm == b.LactateThresholdHeartRateBpm
        && a.MaxHeartRateBpm == b.MaxHeartRateBpm && a.RestingHeartRateBpm == b.RestingHeartRateBpm;

    private AthleteProfileChanged ProfileChanged(AthleteProfile profile, IReadOnlyList<AthleteThresholdPeriod> periods, AthleteThresholdPeriod? today) => new(
        profile.Version,
        today?.FtpWatts,
        today?.WeightKg,
        today?.MaxHeartRateBpm,
        today?.LactateThresholdHeartRateBpm,
        profile.Bike,
        clock.UtcNow.AsUtcOffset(),
        today?.RestingHeartRateBpm,
        today?.EffectiveFrom,
        periods.Select(p => new ThresholdPeriod(p.EffectiveFrom, p.FtpWatts, p.LactateThresholdHeartRateBpm, p.MaxHeartRateBpm, p.RestingHeartRateBpm)).ToList());
}
