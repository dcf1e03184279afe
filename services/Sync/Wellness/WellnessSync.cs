using CyclingCoach.Contracts;
using CyclingCoach.ServiceDefaults;
using CyclingCoach.ServiceDefaults.Messaging;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Model;
using CyclingCoach.Sync.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyclingCoach.Sync.Wellness;

/// <summary>
/// The wellness step of a sync run (after its activities): the source's days in the window are upserted one by one,
/// each new or changed day committed with one <see cref="WellnessRecorded"/> in the outbox, an unchanged day left as
/// it is (no write, no event). A day the source has no data for is not stored. A failure — a Garmin 429 above all —
/// stops the step (nothing is retried: the cooldown rules apply), keeps the days already stored and is returned as a
/// note for the run; it never fails the run. A resumed run pulls the window again, which changes nothing twice.
/// </summary>
public sealed class WellnessSync(
    SyncDbContext db,
    IEnumerable<IWellnessSource> sources,
    IOptions<WellnessOptions> options,
    TimeProvider time,
    ILogger<WellnessSync> logger)
{
    public sealed record Result(int Days, int Changed, string? Error);

    /// <summary>Runs the step in a scope of its own (its own change tracker), for <see cref="Runs.SyncRunExecutor"/>.</summary>
    public static async Task<Result?> RunInScopeAsync(IServiceScopeFactory scopes, WorkoutSource source, DateTime windowFromUtc, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WellnessSync>().RunAsync(source, windowFromUtc, cancellationToken);
    }

    /// <summary>Null when the source has no wellness or the step is off.</summary>
    public async Task<Result?> RunAsync(WorkoutSource source, DateTime windowFromUtc, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || sources.FirstOrDefault(s => s.Source == source) is not { } wellness)
        {
            return null;
        }

        var (from, to) = Window(DateOnly.FromDateTime(time.GetLocalNow().DateTime), DateOnly.FromDateTime(windowFromUtc), settings);
        int days = 0, changed = 0;
        try
        {
            await foreach (var day in wellness.ListWellnessAsync(from, to, cancellationToken))
            {
                days++;
                if (await UpsertAsync(source, day, cancellationToken))
                {
                    changed++;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Wellness from {Source} stopped after {Days} days ({From} – {To})", source, days, from, to);
            db.ChangeTracker.Clear();
            return new Result(days, changed, $"Wellness stopped after {days} day{(days == 1 ? "" : "s")}: {e.Message}");
        }

        logger.LogInformation("Wellness from {Source} {From} – {To}: {Days} days with data, {Changed} new or changed", source, from, to, days, changed);
        return new Result(days, changed, null);
    }

    /// <summary>At least the last <see cref="WellnessOptions.Days"/> days; from the run's window start when earlier, capped at <see cref="WellnessOptions.MaxDays"/>.</summary>
    public static (DateOnly From, DateOnly To) Window(DateOnly today, DateOnly windowFrom, WellnessOptions settings)
    {
        var recent = today.AddDays(-(Math.Max(1, settings.Days) - 1));
        var earliest = today.AddDays(-(Math.Max(settings.Days, settings.MaxDays) - 1));
        var from = windowFrom < recent ? windowFrom : recent;
        return (from < earliest ? earliest : from, today);
    }

    private async Task<bool> UpsertAsync(WorkoutSource source, SourceWellnessDay day, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.WellnessDays.FirstOrDefaultAsync(w => w.Source == source && w.Date == day.Date, cancellationToken);
        if (row is null)
        {
            row = new WellnessDay { Source = source, Date = day.Date, CreatedAt = now };
            db.WellnessDays.Add(row);
        }
        else if (row.Metrics == day.Metrics)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        row.Metrics = day.Metrics;
        row.RawSourceJson = day.RawJson;
        row.UpdatedAt = now;
        db.AddOutboxMessage(new WellnessRecorded(source, day.Date, day.Metrics, now.AsUtcOffset()));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
