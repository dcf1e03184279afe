using System.Security.Cryptography;
using System.Text.Json;
using CyclingCoach.Contracts;
using CyclingCoach.Sync.Data;
using Microsoft.EntityFrameworkCore;

namespace CyclingCoach.Sync.PlanPush;

/// <summary>
/// Turns the desired state (the active plan's sessions, the enabled calendars) into work: a <see cref="PlanPushItem"/>
/// per session and calendar whose desired content changed is set pending; a session gone from the plan (or a calendar
/// turned off) is set to be removed. Unchanged sessions are left alone, so a new version that changes one session
/// changes one event. Sessions before <see cref="FirstDate"/> are history and never touched.
/// </summary>
public static class PlanPushPlanner
{
    private static readonly JsonSerializerOptions HashJson = new(JsonSerializerDefaults.Web);

    /// <summary>Yesterday (UTC): Sync does not know the rider's time zone, and no zone's today is before it.</summary>
    public static DateOnly FirstDate(DateTime utcNow) => DateOnly.FromDateTime(utcNow).AddDays(-1);

    public static string Hash(PlannedSession session) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(session with { Slot = 0 }, HashJson)));

    /// <summary>The settings row locked until the caller's transaction ends (created when missing): plan changes and
    /// settings changes apply one after the other.</summary>
    public static async Task<PlanPushSettings> LockSettingsAsync(SyncDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.PlanPushSettings
            .FromSql($"SELECT * FROM plan_push_settings WHERE id = {PlanPush.PlanPushSettings.SingletonId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (rows is [var row])
        {
            return row;
        }

        await db.Database.ExecuteSqlAsync($"INSERT INTO plan_push_settings (id, intervals_icu_enabled, garmin_enabled) VALUES ({PlanPush.PlanPushSettings.SingletonId}, false, false) ON CONFLICT DO NOTHING", cancellationToken);
        return (await db.PlanPushSettings
            .FromSql($"SELECT * FROM plan_push_settings WHERE id = {PlanPush.PlanPushSettings.SingletonId} FOR UPDATE")
            .ToListAsync(cancellationToken)).Single();
    }

    /// <summary>Brings every calendar's items in line with <paramref name="sessions"/> (all planned sessions) and <paramref name="settings"/>; the caller saves.</summary>
    public static async Task ReconcileAsync(
        SyncDbContext db, PlanPushSettings settings, IReadOnlyCollection<PlannedSessionRecord> sessions, DateTime now, CancellationToken cancellationToken)
    {
        var from = FirstDate(now);
        foreach (var target in Enum.GetValues<PushTarget>())
        {
            var desired = settings.IsEnabled(target) ? sessions.Where(s => s.Date >= from).ToDictionary(s => s.Key) : [];
            var items = await db.PlanPushItems.Where(i => i.Target == target && i.Date >= from).ToDictionaryAsync(i => i.SessionKey, cancellationToken);
            foreach (var session in desired.Values)
            {
                if (!items.TryGetValue(session.Key, out var item))
                {
                    item = new PlanPushItem { Target = target, SessionKey = session.Key, Date = session.Date };
                    db.PlanPushItems.Add(item);
                }
                else if (item.DesiredHash == session.Hash)
                {
                    continue;
                }

                item.Name = session.Session.Name;
                item.DesiredHash = session.Hash;
                Restart(item, now);
            }

            foreach (var item in items.Values.Where(i => !desired.ContainsKey(i.SessionKey) && i.DesiredHash is not null))
            {
                item.DesiredHash = null;
                Restart(item, now);
            }
        }
    }

    private static void Restart(PlanPushItem item, DateTime now)
    {
        item.Status = PushStatus.Pending;
        item.Attempts = 0;
        item.Error = null;
        item.NextAttemptAt = now;
        item.UpdatedAt = now;
    }
}
