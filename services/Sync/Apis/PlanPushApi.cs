using CyclingCoach.ServiceDefaults.Api;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Garmin;
using CyclingCoach.Sync.IntervalsIcu;
using CyclingCoach.Sync.PlanPush;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.Apis;

/// <summary>
/// The plan on the rider's calendars: which calendars are on (off until the rider turns one on), and the status of
/// every planned session on each; failed sessions can be retried now.
/// </summary>
public static class PlanPushApi
{
    public static IEndpointRouteBuilder MapPlanPushApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sync/plan-push").WithTags("Plan push");
        api.MapGet("/", GetPlanPush).WithName("GetPlanPush").WithSummary("The calendars and every planned session's status on each");
        api.MapPut("/{target}", PutPlanPushTarget).WithName("PutPlanPushTarget")
            .WithSummary("Turn pushing the plan to a calendar on or off (off removes the sessions we put there; the rider's own events stay)");
        api.MapPost("/retry", RetryPlanPush).WithName("RetryPlanPush").WithSummary("Retry failed sessions now (all, or one calendar's, or one session's)");
        return app;
    }

    public static async Task<Ok<PlanPushResponse>> GetPlanPush(
        SyncDbContext db, IntervalsIcuCredentials intervals, GarminSession garmin, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReadAsync(db, intervals, garmin, time, cancellationToken));

    public static async Task<Results<Ok<PlanPushResponse>, ValidationProblem>> PutPlanPushTarget(
        string target, PlanPushTargetRequest request, SyncDbContext db, IntervalsIcuCredentials intervals, GarminSession garmin,
        PlanPushSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = EnumParameter.Parse<PushTarget>(target, "target", errors);
        if (request.Enabled is null)
        {
            errors["enabled"] = ["enabled (true or false) is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var settings = await PlanPushPlanner.LockSettingsAsync(db, ct);
            if (parsed == PushTarget.Garmin)
            {
                settings.GarminEnabled = request.Enabled!.Value;
            }
            else
            {
                settings.IntervalsIcuEnabled = request.Enabled!.Value;
            }

            var sessions = await db.PlannedSessions.ToListAsync(ct);
            await PlanPushPlanner.ReconcileAsync(db, settings, sessions, time.GetUtcNow().UtcDateTime, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        signal.Notify();
        return TypedResults.Ok(await ReadAsync(db, intervals, garmin, time, cancellationToken));
    }

    public static async Task<Results<Ok<PlanPushResponse>, ValidationProblem>> RetryPlanPush(
        PlanPushRetryRequest? request, SyncDbContext db, IntervalsIcuCredentials intervals, GarminSession garmin, PlanPushSignal signal,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var target = EnumParameter.Parse<PushTarget>(request?.Target, "target", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.PlanPushItems
            .Where(i => i.Status == PushStatus.Failed
                        && (target == null || i.Target == target)
                        && (request == null || request.SessionKey == null || i.SessionKey == request.SessionKey))
            .ExecuteUpdateAsync(u => u
                .SetProperty(i => i.Status, PushStatus.Pending)
                .SetProperty(i => i.NextAttemptAt, now)
                .SetProperty(i => i.UpdatedAt, now), cancellationToken);
        signal.Notify();
        return TypedResults.Ok(await ReadAsync(db, intervals, garmin, time, cancellationToken));
    }

    private static async Task<PlanPushResponse> ReadAsync(
        SyncDbContext db, IntervalsIcuCredentials intervals, GarminSession garmin, TimeProvider time, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var from = PlanPushPlanner.FirstDate(time.GetUtcNow().UtcDateTime);
        var settings = await db.PlanPushSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new PlanPushSettings();
        var sessions = await db.PlannedSessions.AsNoTracking().Where(s => s.Date >= from).ToListAsync(cancellationToken);
        var items = await db.PlanPushItems.AsNoTracking().Where(i => i.Date >= from).ToListAsync(cancellationToken);
        var byKey = items.ToLookup(i => i.SessionKey);

        var rows = sessions.Select(s => (s.Key, s.Date, s.Slot, s.Session.Name))
            .Concat(items.Where(i => sessions.All(s => s.Key != i.SessionKey)).Select(i => (Key: i.SessionKey, i.Date, Slot: 0, i.Name)).DistinctBy(r => r.Key))
            .OrderBy(r => r.Date).ThenBy(r => r.Key)
            .Select(r => new PlanPushSessionResponse(r.Key, r.Date, r.Name, [.. byKey[r.Key].OrderBy(i => i.Target).Select(PlanPushStatusResponse.From)]))
            .ToList();

        var (token, _) = await garmin.SnapshotAsync(cancellationToken);
        var intervalsConnected = await intervals.GetAsync(cancellationToken) is not null;
        PlanPushTargetResponse Target(PushTarget target, bool connected) => new(
            target, settings.IsEnabled(target), connected,
            items.Count(i => i.Target == target && i.Status == PushStatus.Pushed),
            items.Count(i => i.Target == target && i.Status == PushStatus.Pending),
            items.Count(i => i.Target == target && i.Status == PushStatus.Failed));
        return new PlanPushResponse(
            settings.PlanId, settings.PlanVersion,
            [Target(PushTarget.IntervalsIcu, intervalsConnected), Target(PushTarget.Garmin, token is not null)],
            rows);
    }
}

public sealed record PlanPushTargetRequest(bool? Enabled);

/// <param name="Target">intervals_icu or garmin; null retries every calendar.</param>
/// <param name="SessionKey">One session (<c>yyyy-MM-dd-slot</c>); null retries all failed ones.</param>
public sealed record PlanPushRetryRequest(string? Target, string? SessionKey);

/// <param name="PlanId">The plan version whose sessions are the desired state (null before the first plan arrived).</param>
public sealed record PlanPushResponse(Guid? PlanId, int? PlanVersion, IReadOnlyList<PlanPushTargetResponse> Targets, IReadOnlyList<PlanPushSessionResponse> Sessions);

public sealed record PlanPushTargetResponse(PushTarget Target, bool Enabled, bool Connected, int Pushed, int Pending, int Failed);

/// <param name="Key">The session's day and slot; on intervals.icu its event's external id is <c>cyclingcoach-{key}</c>.</param>
/// <param name="Statuses">One per calendar that holds it or should (none when no calendar is on).</param>
public sealed record PlanPushSessionResponse(string Key, DateOnly Date, string Name, IReadOnlyList<PlanPushStatusResponse> Statuses);

public enum PlanPushSessionState
{
    /// <summary>The calendar holds the session as planned.</summary>
    Pushed,

    /// <summary>New or changed: waiting to be pushed.</summary>
    Pending,

    /// <summary>No longer planned (or the calendar was turned off): waiting to be removed.</summary>
    Removing,

    /// <summary>The last attempt failed (<c>error</c>); retried at <c>nextAttemptAt</c>.</summary>
    Failed,
}

public sealed record PlanPushStatusResponse(
    PushTarget Target, PlanPushSessionState State, string? Error, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset UpdatedAt)
{
    public static PlanPushStatusResponse From(PlanPushItem i) => new(
        i.Target,
        i.Status switch
        {
            PushStatus.Failed => PlanPushSessionState.Failed,
            PushStatus.Pushed => PlanPushSessionState.Pushed,
            _ => i.DesiredHash is null ? PlanPushSessionState.Removing : PlanPushSessionState.Pending,
        },
        i.Error,
        i.Attempts,
        i.Status == PushStatus.Pushed ? null : new DateTimeOffset(DateTime.SpecifyKind(i.NextAttemptAt, DateTimeKind.Utc)),
        new DateTimeOffset(DateTime.SpecifyKind(i.UpdatedAt, DateTimeKind.Utc)));
}
