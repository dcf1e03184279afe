using System.Globalization;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Data;
using CyclingCoach.Sync.Garmin;
using CyclingCoach.Sync.Garmin.Client;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>
/// Sessions as Garmin Connect workouts on the rider's Garmin calendar: create the workout, schedule it on its date;
/// a changed session replaces it (unschedule and delete the old one, then create and schedule the new one), a removed
/// one is unscheduled and deleted. Only workouts we created (their ids are in <see cref="PlanPushItem"/>) are ever
/// deleted. Each remote step is recorded as it happens, so a retry continues (a workout created but not scheduled
/// is scheduled, not made twice). Power targets are in watts at the FTP in effect on the session's date.
/// </summary>
public sealed class GarminCalendar(GarminApiClient client, SyncDbContext db, TimeProvider time) : ICalendarTarget
{
    public PushTarget Target => PushTarget.Garmin;

    public Task PutAsync(PlanPushItem item, PlannedSession session, string hash, Func<Action<PlanPushItem>, Task> record, CancellationToken cancellationToken) =>
        Mapped(async () =>
        {
            if (item.RemoteId is not null && item.RemoteHash != hash)
            {
                await RemoveRemoteAsync(item, record, cancellationToken);
            }

            if (item.RemoteId is null)
            {
                var ftp = (await db.LoadThresholdHistoryAsync(cancellationToken)).On(session.Date)?.FtpWatts;
                var workoutId = await client.CreateWorkoutAsync(GarminWorkoutJson.Of(session, ftp), cancellationToken);
                await record(i =>
                {
                    i.RemoteId = workoutId.ToString(CultureInfo.InvariantCulture);
                    i.RemoteHash = hash;
                    i.RemoteScheduleId = null;
                });
            }

            if (item.RemoteScheduleId is null)
            {
                var scheduleId = await client.ScheduleWorkoutAsync(long.Parse(item.RemoteId!, CultureInfo.InvariantCulture), session.Date, cancellationToken);
                await record(i => i.RemoteScheduleId = scheduleId?.ToString(CultureInfo.InvariantCulture) ?? "scheduled");
            }
        });

    public Task RemoveAsync(PlanPushItem item, Func<Action<PlanPushItem>, Task> record, CancellationToken cancellationToken) =>
        Mapped(() => RemoveRemoteAsync(item, record, cancellationToken));

    private async Task RemoveRemoteAsync(PlanPushItem item, Func<Action<PlanPushItem>, Task> record, CancellationToken cancellationToken)
    {
        if (long.TryParse(item.RemoteScheduleId, CultureInfo.InvariantCulture, out var scheduleId))
        {
            await client.UnscheduleWorkoutAsync(scheduleId, cancellationToken);
        }

        await record(i => i.RemoteScheduleId = null);
        if (long.TryParse(item.RemoteId, CultureInfo.InvariantCulture, out var workoutId))
        {
            await client.DeleteWorkoutAsync(workoutId, cancellationToken);
        }

        await record(i =>
        {
            i.RemoteId = null;
            i.RemoteHash = null;
        });
    }

    /// <summary>Garmin's failures as statuses: a cooldown's end is the next attempt; the rest say what happened.</summary>
    private async Task Mapped(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (GarminCooldownException e)
        {
            throw new CalendarPushException(e.Message, e.Until - time.GetUtcNow(), e);
        }
        catch (GarminNotConnectedException e)
        {
            throw new CalendarPushException("Garmin is not connected: connect it in Settings.", inner: e);
        }
        catch (GarminException e)
        {
            throw new CalendarPushException(e.Message, inner: e);
        }
    }
}
